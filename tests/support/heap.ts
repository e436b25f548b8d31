import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * V8's full garbage collection, for tests that check memory comes back. `global.gc` exists
 * only with --expose-gc, which jest can't pass to its workers; the flag can still be set at
 * run time, after which a fresh context sees `gc` (Node 20, 22 and 24 alike).
 */
function garbageCollector(): () => void {
  if (typeof globalThis.gc === 'function') return globalThis.gc;
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as unknown;
  if (typeof gc !== 'function') throw new Error('Cannot reach V8 garbage collection: run node with --expose-gc');
  return gc as () => void;
}

let collect: (() => void) | undefined;

/** Bytes of live JavaScript heap, after collecting everything unreachable. */
export async function liveHeapBytes(): Promise<number> {
  collect ??= garbageCollector();
  // Twice, with a turn between: finalizers and weak callbacks of the first pass free more in the second.
  collect();
  await new Promise((resolve) => setImmediate(resolve));
  collect();
  return v8.getHeapStatistics().used_heap_size;
}

export const mebibytes = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;
