import type { Random } from './fuzz.js';

/** One request of the multipart fuzzer: the exact header and bytes sent. */
export interface MultipartCase {
  /** What was done to it, for the failure report. */
  label: string[];
  contentType: string;
  /** Whether it carries the CSRF preflight header (without it the body is never read). */
  preflight: boolean;
  body: Buffer;
}

export interface CaseMaterial {
  conversationId: string;
  /** Small valid files (a PDF, a PNG) and a few that are not. */
  files: { name: string; type: string; data: Buffer }[];
}

interface Part {
  headers: string[];
  content: Buffer;
}

const SEND = 'mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id attachments { id fileName } } }';
const BOUNDARIES = ['fuzz', 'a', "'()+_,-./:=?", 'b'.repeat(70), 'c'.repeat(300), '--', '----WebKitFormBoundaryx7Q'];
const FILENAMES = ['scan.pdf', '', 'a\0b.pdf', '../../etc/passwd', 'x'.repeat(10_000), 'ünï©ødé.png', 'semi;colon".pdf', '\r\n', 'CON', '.'];
const JUNK_JSON = ['', '{', 'null', '42', '"operations"', '[]', '[[[[', '{"query": 42}', '{"variables": "x"}', '{"query": "{ __typename }", "variables": []}', '\u0000', '{"a":"\\ud800"}'];
const JUNK_MAPS = [
  '',
  '{',
  '[]',
  'null',
  '{"0": "variables.f"}',
  '{"0": [42]}',
  '{"0": [""]}',
  '{"0": ["."]}',
  '{"0": ["variables.__proto__.x"]}',
  '{"0": ["constructor.prototype.x"]}',
  '{"0": ["variables.hasOwnProperty.call"]}',
  '{"0": ["query.length.x"]}',
  '{"0": ["variables.input.attachments.push.apply"]}',
  '{"0": ["variables.nothing.here"]}',
  '{"0": ["variables.input.attachments.0", "variables.input.attachments.1"]}',
  JSON.stringify(Object.fromEntries(Array.from({ length: 7 }, (_, index) => [String(index), [`variables.input.attachments.${index}`]]))),
];

const crlf = (lines: string[]) => lines.map((line) => `${line}\r\n`).join('');
const latin1 = (text: string) => Buffer.from(text, 'latin1');
const utf8 = (text: string) => Buffer.from(text, 'utf8');

/**
 * A GraphQL multipart request (operations, map, files), mostly well-formed underneath, with a
 * few things done to it: to the operations and map JSON, to part headers (NULs, no colon, huge,
 * many, bare LF), to file names and types, to the framing (boundaries, order, duplicates,
 * truncation, flipped bytes, preamble and epilogue), or to the request's content type.
 */
export function multipartCase(random: Random, material: CaseMaterial): MultipartCase {
  const label: string[] = [];
  const boundary = random.chance(0.7) ? 'fuzz' : random.pick(BOUNDARIES);
  const fileCount = random.pick([0, 1, 1, 1, 2, 3, 5, 6]);
  const files = Array.from({ length: fileCount }, () => random.pick(material.files));

  // The operations: usually a send with a slot per file, sometimes a batch or junk.
  const slots = Array.from({ length: fileCount }, () => null);
  const send = { query: SEND, variables: { input: { conversationId: material.conversationId, clientMessageId: `fuzz-${random.int(1e9)}`, body: '', attachments: slots } } };
  let operations = JSON.stringify(send);
  if (random.chance(0.1)) operations = JSON.stringify([send, send]);
  if (random.chance(0.1)) operations = JSON.stringify({ query: 'query ($f: Upload) { __typename }', variables: { f: null } });
  if (random.chance(0.1)) {
    operations = random.pick(JUNK_JSON);
    label.push('junk operations');
  }
  if (random.chance(0.02)) {
    operations = JSON.stringify({ ...send, padding: 'p'.repeat(300 * 1024) });
    label.push('operations over the field limit');
  }
  let map = JSON.stringify(Object.fromEntries(files.map((_, index) => [String(index), [`variables.input.attachments.${index}`]])));
  if (operations.startsWith('[')) map = JSON.stringify(Object.fromEntries(files.map((_, index) => [String(index), [`${index % 2}.variables.input.attachments.${index}`]])));
  if (random.chance(0.12)) {
    map = random.pick(JUNK_MAPS);
    label.push(`map ${map.slice(0, 60)}`);
  }

  let parts: Part[] = [
    { headers: ['Content-Disposition: form-data; name="operations"'], content: utf8(operations) },
    { headers: ['Content-Disposition: form-data; name="map"'], content: utf8(map) },
    ...files.map((file, index) => ({
      headers: [`Content-Disposition: form-data; name="${index}"; filename="${file.name}"`, `Content-Type: ${file.type}`],
      content: file.data,
    })),
  ];

  // Files: names, types and contents a client could get wrong.
  for (const part of parts.slice(2)) {
    if (random.chance(0.15)) {
      const filename = random.pick(FILENAMES);
      part.headers[0] = `Content-Disposition: form-data; name="${random.pick(['0', '1', '99', '', '__proto__'])}"; filename="${filename}"`;
      label.push(`file name ${JSON.stringify(filename.slice(0, 20))}`);
    }
    const fileMutation = random.chance(0.3) ? random.pick(['encoded name', 'no file name', 'no type', 'odd type', 'cut short', 'boundary inside']) : undefined;
    if (fileMutation) label.push(`file: ${fileMutation}`);
    if (fileMutation === 'encoded name') part.headers[0] = `Content-Disposition: form-data; name="0"; filename*=UTF-8''${random.pick(['%E2%82%AC.pdf', '%ZZ', '%', "''"])}`;
    if (fileMutation === 'no file name') part.headers[0] = 'Content-Disposition: form-data; name="0"';
    if (fileMutation === 'no type') part.headers.splice(1, 1);
    if (fileMutation === 'odd type') part.headers[1] = `Content-Type: ${random.pick(['', 'image/png; charset=\u00ff', 'x/'.repeat(500), 'multipart/form-data; boundary=fuzz'])}`;
    if (fileMutation === 'cut short') part.content = part.content.subarray(0, random.int(part.content.length));
    if (fileMutation === 'boundary inside') part.content = Buffer.concat([part.content, latin1(`\r\n--${boundary}\r\n`), part.content]);
  }

  // Part headers.
  if (random.chance(0.25)) {
    const part = random.pick(parts);
    const mutation = random.pick(['nul', 'no colon', 'bare lf', 'huge', 'many', 'high bytes', 'no disposition', 'unterminated quote', 'attachment', 'duplicate disposition']);
    label.push(`part header: ${mutation}`);
    const header = part.headers[0] ?? '';
    switch (mutation) {
      case 'nul':
        part.headers[0] = header.replace('name="', `name="${random.pick(['', 'a'])}\0`);
        break;
      case 'no colon':
        part.headers[0] = header.replace(':', '');
        break;
      case 'bare lf':
        part.headers = [part.headers.join('\n')];
        break;
      case 'huge':
        part.headers.push(`X-Padding: ${'p'.repeat(random.pick([8 * 1024, 20 * 1024, 90 * 1024]))}`);
        break;
      case 'many':
        part.headers.push(...Array.from({ length: random.pick([100, 2500]) }, (_, index) => `X-H${index}: v`));
        break;
      case 'high bytes':
        part.headers[0] = `${header}; x="\u00ff\u0080\u00fe"`;
        break;
      case 'no disposition':
        part.headers.shift();
        break;
      case 'unterminated quote':
        part.headers[0] = header.replace(/"$/, '');
        break;
      case 'attachment':
        part.headers[0] = header.replace('form-data', 'attachment');
        break;
      case 'duplicate disposition':
        part.headers.unshift('Content-Disposition: form-data; name="map"');
        break;
    }
  }

  // Fields out of order, missing or twice.
  if (random.chance(0.1)) {
    const order = random.pick(['map first', 'files first', 'no operations', 'no map', 'operations twice', 'map twice', 'file twice', 'no parts']);
    label.push(order);
    if (order === 'map first') parts = [parts[1]!, parts[0]!, ...parts.slice(2)];
    if (order === 'files first') parts = [...parts.slice(2), parts[0]!, parts[1]!];
    if (order === 'no operations') parts = parts.slice(1);
    if (order === 'no map') parts = [parts[0]!, ...parts.slice(2)];
    if (order === 'operations twice') parts = [parts[0]!, ...parts];
    if (order === 'map twice') parts = [parts[0]!, parts[1]!, ...parts.slice(1)];
    if (order === 'file twice' && parts[2]) parts = [...parts, parts[2]];
    if (order === 'no parts') parts = [];
  }

  let body = Buffer.concat([
    ...parts.flatMap((part) => [latin1(`--${boundary}\r\n${crlf(part.headers)}\r\n`), part.content, latin1('\r\n')]),
    latin1(`--${boundary}--\r\n`),
  ]);

  // The framing around the parts.
  if (random.chance(0.3)) {
    const framing = random.pick(['truncated', 'no closing delimiter', 'preamble', 'epilogue', 'bare lf', 'flipped bytes', 'random bytes', 'empty', 'no crlf after boundary']);
    label.push(framing);
    if (framing === 'truncated') body = body.subarray(0, random.int(body.length));
    if (framing === 'no closing delimiter') body = body.subarray(0, body.length - boundary.length - 6);
    if (framing === 'preamble') body = Buffer.concat([latin1(`preamble \0 --${boundary}x\r\n`), body]);
    if (framing === 'epilogue') body = Buffer.concat([body, latin1(`--${boundary}\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{}`)]);
    if (framing === 'bare lf') body = latin1(body.toString('latin1').replace(/\r\n/g, '\n'));
    if (framing === 'flipped bytes') {
      body = Buffer.from(body);
      for (let flip = 1 + random.int(5); flip > 0; flip -= 1) body[random.int(body.length)] = random.int(256);
    }
    if (framing === 'random bytes') body = Buffer.from(Array.from({ length: random.int(8192) }, () => random.int(256)));
    if (framing === 'empty') body = Buffer.alloc(0);
    if (framing === 'no crlf after boundary') body = latin1(body.toString('latin1').replace(`--${boundary}\r\n`, `--${boundary}`));
  }

  // The request's own content type.
  let contentType = `multipart/form-data; boundary=${boundary}`;
  if (random.chance(0.08)) {
    contentType = random.pick([
      'multipart/form-data',
      'multipart/form-data; boundary=',
      `multipart/form-data; boundary="${boundary}"`,
      'multipart/form-data; boundary=other',
      `multipart/form-data; boundary=${boundary}; boundary=other`,
      `MULTIPART/FORM-DATA; BOUNDARY=${boundary}`,
      `multipart/form-data; charset=nope; boundary=${boundary}`,
      `multipart/form-data; boundary=${'d'.repeat(2000)}`,
      `multipart/mixed; boundary=${boundary}`,
    ]);
    label.push(`content type ${contentType.slice(0, 60)}`);
  }
  return { label, contentType, preflight: !random.chance(0.02), body };
}
