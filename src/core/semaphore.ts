/** At most `limit` holders at once; waiters are served in arrival order. */
export class Semaphore {
  private held = 0;
  private readonly queue: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.held >= Math.max(1, this.limit)) await new Promise<void>((resolve) => this.queue.push(resolve));
    else this.held += 1;
    try {
      return await work();
    } finally {
      // The slot passes straight to the next waiter, so a newcomer cannot jump the queue.
      const next = this.queue.shift();
      if (next) next();
      else this.held -= 1;
    }
  }
}
