/** One file in a GraphQL multipart request. */
export interface MultipartFile {
  name: string;
  type: string;
  data: Buffer;
}

/**
 * Sends `sendMessage` with files as a GraphQL multipart request
 * (operations + map + files), the way Apollo's upload link does.
 */
export async function sendWithFiles(
  url: string,
  token: string,
  input: Record<string, unknown>,
  files: MultipartFile[],
  headers: Record<string, string> = { 'apollo-require-preflight': 'true' },
): Promise<{ status: number; body: any }> {
  const form = new FormData();
  form.append(
    'operations',
    JSON.stringify({
      query: `mutation ($input: SendMessageInput!) {
        sendMessage(input: $input) { id sequence body attachments { id fileName contentType byteSize width height isImage url thumbnailUrl } }
      }`,
      variables: { input: { ...input, attachments: files.map(() => null) } },
    }),
  );
  form.append('map', JSON.stringify(Object.fromEntries(files.map((_, index) => [String(index), [`variables.input.attachments.${index}`]]))));
  files.forEach((file, index) => form.append(String(index), new Blob([file.data], { type: file.type }), file.name));
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { authorization: `Bearer ${token}`, ...headers }, body: form });
  return { status: response.status, body: await response.json() };
}
