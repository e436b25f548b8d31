import type { EventEmitter } from 'node:events';
import type { Readable } from 'node:stream';
import type { Request, Response } from 'express';
import { Upload, type FileUpload } from 'graphql-upload-minimal';
import { DomainError } from '../errors/domain-error.js';
import { ErrorCode } from '../errors/error-code.js';

/**
 * graphql-upload-minimal's `processRequest` (1.6.4, the latest) trusts the client in ways one
 * anonymous request could turn against the whole process. Each fault is fixed where it can be
 * reached: as processRequest pipes the request into its busboy parser (its own listeners are
 * in place by then), and once it has resolved the operations.
 *
 * 1. It hears only the parser's first 'error' (`parser.once('error', exit)`) and then calls
 *    `parser.destroy()`. busboy reports a malformed part header (a NUL in a filename, a line
 *    without a colon, a header past its size limit) by emitting 'error' on a form it has not
 *    finished, and its `_destroy` turns that destroy() into a second 'error' ("Unexpected end
 *    of form") that no one listens to: Node ends the process. The parser gets a listener of
 *    its own; by the second error the request has already been refused.
 * 2. It places each file by walking the `map` path through the operations with `object[prop]`,
 *    inherited properties included: `variables.hasOwnProperty.call` replaced
 *    `Object.prototype.hasOwnProperty.call` for every request after. A map whose paths leave
 *    the operations' own JSON, or that puts one file in two places (its stream can be read
 *    once), is handed on as no map at all, which processRequest refuses (400).
 * 3. A mapped file rejects as missing only when the parser closes, and the parser closes only
 *    once every file stream has been read; a resolver reads files in order. A file part that is
 *    absent, unreadable (busboy skips a part whose header it can't parse) or sent out of order
 *    left the resolver waiting for it and the parser waiting for the resolver: the request
 *    never ended. Files come in map order (as upload clients send them), so a mapped file that
 *    a later one overtook rejects as missing at once.
 * 5. A file no resolver read (the operation failed first, a second part for the same file, a
 *    file that came too late) stalls the parser, so the request never ends and its keep-alive
 *    connection hangs. Once the response is out, every file stream left is drained.
 * 4. A file whose stream failed before the resolver got to it (the body was cut short) throws
 *    the parser's own error from `createReadStream()`, which reached clients as an internal
 *    error; it is the client's interrupted upload (BAD_USER_INPUT).
 */
export interface MultipartGuard {
  /** Call with what processRequest resolved, before anything reads its uploads. */
  watchUploads(operations: unknown): void;
}

export function guardMultipartParser(request: Request, response: Response): MultipartGuard {
  const files = new FileArrivals();
  response.once('close', () => files.drainAll());
  const pipe = request.pipe;
  request.pipe = function pipeIntoParser<T extends NodeJS.WritableStream>(this: Request, parser: T, options?: { end?: boolean }): T {
    request.pipe = pipe;
    const emitter = parser as unknown as EventEmitter;
    emitter.on('error', ignoreRepeatedParserError);
    checkFieldsBeforeProcessRequest(emitter, files);
    emitter.on('file', (name: string, stream: Readable) => files.arrived(name, stream));
    return pipe.call(this, parser, options) as T;
  };
  return { watchUploads: (operations) => files.watch(operations) };
}

/** The first error already refused the request (processRequest's own handler). */
function ignoreRepeatedParserError(): void {}

/** JSON that processRequest refuses as a `map` ("Invalid type for the 'map' multipart field"). */
const NOT_A_MAP = 'null';

/** Puts a check in front of processRequest's own 'field' listener (its only one). */
function checkFieldsBeforeProcessRequest(parser: EventEmitter, files: FileArrivals): void {
  const readFields = parser.listeners('field') as ((name: string, value: string, info: unknown) => void)[];
  parser.removeAllListeners('field');
  let operations: unknown;
  parser.on('field', (name: string, value: string, info: unknown) => {
    let checked = value;
    if (name === 'operations') operations = parseOrUndefined(value);
    if (name === 'map') {
      if (mapIsSafe(operations, value)) files.expect(parseOrUndefined(value));
      else checked = NOT_A_MAP;
    }
    for (const read of readFields) read.call(parser, name, checked, info);
  });
}

/**
 * Whether every path of `map` (processRequest's order: entries, then paths) walks only the
 * own properties of the operations' JSON objects and arrays, never through a file placed by
 * an earlier path nor into anything the JSON did not make, and each file fills one place.
 * Only the last step may name a property that does not exist yet; processRequest sets it on
 * a JSON object of the request.
 */
export function mapIsSafe(operations: unknown, mapJson: string): boolean {
  const map = parseOrUndefined(mapJson);
  // Anything that is not a map of arrays processRequest refuses itself.
  if (!isJsonObject(map) || !isJsonContainer(operations)) return true;
  const placed = new WeakSet<object>();
  for (const paths of Object.values(map)) {
    if (!Array.isArray(paths)) return true;
    if (paths.length > 1) return false;
    for (const path of paths) {
      if (typeof path !== 'string') return true;
      const steps = path.split('.');
      const last = steps.pop()!;
      let here: object = operations;
      for (const step of steps) {
        const next: unknown = Object.hasOwn(here, step) ? (here as Record<string, unknown>)[step] : undefined;
        if (!isJsonContainer(next) || placed.has(next)) return false;
        here = next;
      }
      const file = {};
      placed.add(file);
      try {
        Object.defineProperty(here, last, { value: file, writable: true, enumerable: true, configurable: true });
      } catch {
        return true; // e.g. an array's `length`: processRequest fails to place it and refuses the request
      }
    }
  }
  return true;
}

type PendingUpload = Upload & { reject(error: unknown): void };

/** Which mapped files have arrived, in map order, and the uploads waiting for the rest. */
class FileArrivals {
  /** The map's file names, in processRequest's order, and where each goes. */
  private order: string[] = [];
  private paths = new Map<string, string>();
  private readonly seen = new Set<string>();
  private readonly uploads = new Map<string, PendingUpload>();
  private readonly streams: Readable[] = [];
  private answered = false;

  expect(map: unknown): void {
    if (!isJsonObject(map)) return;
    this.order = Object.keys(map);
    for (const [name, paths] of Object.entries(map)) {
      if (Array.isArray(paths) && typeof paths[0] === 'string') this.paths.set(name, paths[0]);
    }
  }

  arrived(name: string, stream: Readable): void {
    stream.on('error', ignoreRepeatedParserError);
    // processRequest hands a second part for the same file to no one.
    if (this.answered || this.seen.has(name)) return void stream.resume();
    this.seen.add(name);
    this.streams.push(stream);
    this.rejectOvertaken();
  }

  /** The response is out: no one will read what is left, so let the parser reach the end of the body. */
  drainAll(): void {
    this.answered = true;
    for (const stream of this.streams.splice(0)) stream.resume();
  }

  /** Finds processRequest's uploads where the map put them. */
  watch(operations: unknown): void {
    for (const [name, path] of this.paths) {
      const upload = uploadAt(operations, path);
      if (!upload) continue;
      this.uploads.set(name, upload);
      const readable = upload.promise.then(readableOnce);
      // Like processRequest's own: an upload no resolver awaited (the operation failed first) must not reject unheard.
      readable.catch(() => {});
      upload.promise = readable;
    }
    this.rejectOvertaken();
  }

  private rejectOvertaken(): void {
    const last = this.order.findLastIndex((name) => this.seen.has(name));
    for (const name of this.order.slice(0, Math.max(last, 0))) {
      if (!this.seen.has(name)) this.uploads.get(name)?.reject(new DomainError(ErrorCode.BadUserInput, 'A file of this request did not arrive.'));
    }
  }
}

/** The Upload processRequest put at `path` (checked by mapIsSafe) in the operations. */
function uploadAt(operations: unknown, path: string): PendingUpload | undefined {
  let here: unknown = operations;
  for (const step of path.split('.')) here = isJsonContainer(here) && Object.hasOwn(here, step) ? (here as Record<string, unknown>)[step] : undefined;
  return here instanceof Upload ? (here as PendingUpload) : undefined;
}

/** The file, with `createReadStream()` failing as the client's interrupted upload rather than with the parser's error. */
function readableOnce(file: FileUpload): FileUpload {
  return {
    ...file,
    createReadStream: () => {
      try {
        return file.createReadStream();
      } catch {
        throw new DomainError(ErrorCode.BadUserInput, 'The upload was interrupted. Please try again.');
      }
    },
  };
}

function parseOrUndefined(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

const isJsonObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isJsonContainer = (value: unknown): value is object => typeof value === 'object' && value !== null;
