/** Passed as `context: { fetchOptions: { onUploadProgress } }` on a mutation with files. */
export interface UploadProgressOptions {
  onUploadProgress?(progress: { loaded: number; total: number }): void;
}

/**
 * `fetch` for the upload link. fetch() cannot report upload progress, so requests whose
 * body is FormData (a multipart request with files) go through XMLHttpRequest instead;
 * everything else is a plain fetch.
 */
export function fetchWithUploadProgress(input: RequestInfo | URL, init: RequestInit & UploadProgressOptions = {}): Promise<Response> {
  const { onUploadProgress, ...requestInit } = init;
  if (!(requestInit.body instanceof FormData) || !onUploadProgress) return fetch(input, requestInit);

  return new Promise<Response>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(requestInit.method ?? 'POST', String(input instanceof Request ? input.url : input));
    new Headers(requestInit.headers).forEach((value, name) => request.setRequestHeader(name, value));
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onUploadProgress({ loaded: event.loaded, total: event.total });
    };
    request.onload = () => {
      const headers = new Headers();
      for (const line of request.getAllResponseHeaders().trim().split(/[\r\n]+/)) {
        const separator = line.indexOf(':');
        if (separator > 0) headers.append(line.slice(0, separator).trim(), line.slice(separator + 1).trim());
      }
      resolve(new Response(request.responseText, { status: request.status, statusText: request.statusText, headers }));
    };
    request.onerror = () => reject(new TypeError('Network request failed'));
    request.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    requestInit.signal?.addEventListener('abort', () => request.abort());
    request.send(requestInit.body as FormData);
  });
}
