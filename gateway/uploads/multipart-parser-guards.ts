import type { EventEmitter } from 'node:events';
import type { Request } from 'express';

/**
 * Two faults of graphql-upload-minimal's `processRequest` (1.6.4, the latest) that one
 * anonymous request could turn against the whole process, fixed where they can be reached:
 * at the moment it pipes the request into its busboy parser, after it has set up its own
 * listeners. Call before `processRequest(request, …)`.
 *
 * 1. It hears only the parser's first 'error' (`parser.once('error', exit)`) and then calls
 *    `parser.destroy()`. busboy reports a malformed part header (a NUL in a filename, a line
 *    without a colon, a header past its size limit) by emitting 'error' on a form it has not
 *    finished, and its `_destroy` turns that destroy() into a second 'error' ("Unexpected end
 *    of form") that no one listens to: Node ends the process. The parser gets a listener of
 *    its own; by the second error the request has already been refused.
 * 2. It places each file by walking the `map` path through the operations with `object[prop]`,
 *    inherited properties included: `variables.hasOwnProperty.call` replaced
 *    `Object.prototype.hasOwnProperty.call`, for every request after. A map whose paths leave
 *    the operations' own JSON is handed on as no map at all, which processRequest refuses (400).
 */
export function guardMultipartParser(request: Request): void {
  const pipe = request.pipe;
  request.pipe = function pipeIntoParser<T extends NodeJS.WritableStream>(this: Request, parser: T, options?: { end?: boolean }): T {
    request.pipe = pipe;
    const emitter = parser as unknown as EventEmitter;
    emitter.on('error', ignoreRepeatedParserError);
    keepMapPathsInside(emitter);
    return pipe.call(this, parser, options) as T;
  };
}

/** The first error already refused the request (processRequest's own handler). */
function ignoreRepeatedParserError(): void {}

/** JSON that processRequest refuses as a `map` ("Invalid type for the 'map' multipart field"). */
const NOT_A_MAP = 'null';

/** Puts a check in front of processRequest's own 'field' listener (its only one). */
function keepMapPathsInside(parser: EventEmitter): void {
  const readFields = parser.listeners('field') as ((name: string, value: string, info: unknown) => void)[];
  parser.removeAllListeners('field');
  let operations: unknown;
  parser.on('field', (name: string, value: string, info: unknown) => {
    if (name === 'operations') operations = parseOrUndefined(value);
    const checked = name === 'map' && !mapStaysInside(operations, value) ? NOT_A_MAP : value;
    for (const read of readFields) read.call(parser, name, checked, info);
  });
}

/**
 * Whether every path of `map` (processRequest's order: entries, then paths) walks only the
 * own properties of the operations' JSON objects and arrays, never through a file placed by
 * an earlier path nor into anything the JSON did not make. Only the last step may name a
 * property that does not exist yet; processRequest sets it on a JSON object of the request.
 */
export function mapStaysInside(operations: unknown, mapJson: string): boolean {
  const map = parseOrUndefined(mapJson);
  // Anything that is not a map of arrays processRequest refuses itself.
  if (!isJsonObject(map) || !isJsonContainer(operations)) return true;
  const placed = new WeakSet<object>();
  for (const paths of Object.values(map)) {
    if (!Array.isArray(paths)) return true;
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

function parseOrUndefined(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

const isJsonObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isJsonContainer = (value: unknown): value is object => typeof value === 'object' && value !== null;
