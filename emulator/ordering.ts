// Keeps tasks that share a key in arrival order: each starts only after the one before it settled.
// The server runs the requests of one connection through a lane (RFC 9112 §9.3.2: only safe methods
// may be processed in parallel), and the writes of one session through another, so a pipelined
// `POST upload` then `DELETE /api/transaction` take effect in that order. A task with nothing ahead of
// it runs at once, synchronously, so the common case costs no promise hop.
export class Lanes<K extends object | string> {
  readonly #tails = new Map<K, Promise<unknown>>();

  /** Runs `task` after everything queued under `key`; its result, a promise when it had to wait. */
  run<T>(key: K, task: () => T | Promise<T>): T | Promise<T> {
    const ahead = this.#tails.get(key);
    const result = ahead ? ahead.then(task) : task();
    if (result instanceof Promise) this.#track(key, result);
    return result;
  }

  /** How many keys have work in flight (for tests and leak checks). */
  get busy(): number {
    return this.#tails.size;
  }

  #track(key: K, result: Promise<unknown>): void {
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.#tails.set(key, tail);
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
  }
}
