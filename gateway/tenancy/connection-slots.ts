/**
 * How many pooled connections operations may hold at once (OperationTransaction). An
 * operation holds its connection until it ends, and one of its resolvers may open a
 * transaction of its own meanwhile, which needs a second connection: if operations could
 * hold the whole pool, each would wait for a connection that only another's end would
 * free. Keeping `capacity` below the pool's size leaves connections for that work (which
 * holds one and waits for nothing more), so every operation finishes. An operation waits
 * here before it takes a connection, holding none.
 */
export class ConnectionSlots {
  private held = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly capacity: number) {
    if (!(capacity >= 1)) throw new Error('Operations need at least one connection slot');
  }

  /** For a pool of `poolSize`: a quarter of it (at least one connection) left to other work. */
  static forPool(poolSize: number): ConnectionSlots {
    return new ConnectionSlots(Math.max(1, poolSize - Math.max(1, Math.floor(poolSize / 4))));
  }

  acquire(): Promise<void> {
    if (this.held < this.capacity) {
      this.held += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    // The slot passes straight to the next operation waiting: `held` stays as it is.
    if (next) next();
    else this.held -= 1;
  }

  /** Operations holding or waiting for a connection (for tests and metrics). */
  get inUse(): { held: number; waiting: number } {
    return { held: this.held, waiting: this.waiting.length };
  }
}
