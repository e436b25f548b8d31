import type { SignedIdentity } from '../protocol/widget-protocol.js';

/** What a store can listen to with `Counterchat.on(...)`. */
export type HostEvent = 'unread' | 'message' | 'open' | 'close' | 'identify';
export type HostListener = (detail: unknown) => void;
/** A call by name, as the snippet's stub queues it: `Counterchat('identify', {...})`. */
export type Command = [name: string, ...args: unknown[]];

/** `window.Counterchat`: methods, the same by name (`Counterchat('open')`), and host events. */
export interface CounterchatApi {
  (...command: Command): void;
  open(): void;
  close(): void;
  identify(identity: SignedIdentity): void;
  on(event: HostEvent, listener: HostListener): () => void;
  /** Calls made before the loader ran, e.g. by the snippet's stub: `Counterchat('identify', {...})`. */
  q?: Command[];
}

/** What the commands do; the loader's launcher, frame and bridge carry them out. */
export interface CommandTargets {
  open(): void;
  close(): void;
  identify(identity: SignedIdentity): void;
}

export interface CommandQueue {
  /** What `window.Counterchat` becomes. */
  api: CounterchatApi;
  /** Runs calls the snippet's stub queued before the loader ran, in their order. */
  replay(queued: readonly Command[]): void;
  /** Tells the store's listeners; one that throws does not keep the others from hearing it. */
  emit(event: HostEvent, detail: unknown): void;
}

const COMMANDS: readonly string[] = ['open', 'close', 'identify', 'on'] satisfies (keyof CounterchatApi)[];

export function createCommandQueue(targets: CommandTargets): CommandQueue {
  const listeners = new Map<HostEvent, Set<HostListener>>();
  const run = ([name, ...args]: Command) => {
    if (COMMANDS.includes(name)) (api[name as 'open'] as (...rest: unknown[]) => unknown)(...args);
    else console.warn(`Counterchat: unknown command "${name}".`);
  };
  const api = ((...command: Command) => run(command)) as CounterchatApi;
  api.open = () => targets.open();
  api.close = () => targets.close();
  api.identify = (identity) => targets.identify(identity);
  api.on = (event, listener) => {
    if (!listeners.has(event)) listeners.set(event, new Set());
    listeners.get(event)!.add(listener);
    return () => listeners.get(event)?.delete(listener);
  };
  return {
    api,
    replay: (queued) => queued.forEach(run),
    emit: (event, detail) =>
      listeners.get(event)?.forEach((listener) => {
        try {
          listener(detail);
        } catch (error) {
          console.error(error);
        }
      }),
  };
}

/** The calls the snippet's stub collected in `window.Counterchat.q`, if it ran first. */
export function queuedCommands(stub: unknown): Command[] {
  return (stub as { q?: Command[] } | undefined)?.q ?? [];
}
