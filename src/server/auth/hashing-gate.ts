import 'server-only'

/** Thrown when the gate's slots and queue are full: the caller answers "busy, try again" at once. */
export class GateBusy extends Error {
  constructor() {
    super('busy')
    this.name = 'GateBusy'
  }
}

/**
 * A counting semaphore with a short queue, for CPU-bound work this process must not let a crowd multiply (argon2:
 * ~70 ms of one core per password check). `limit` run at once, up to `queue` more wait their turn, anyone beyond is
 * refused at once with GateBusy — a flood of sign-ins then costs at most `limit` cores, never every core and every
 * colleague's response time (issue 20). Per process on purpose: it bounds this process's CPU; what is shared across
 * instances is the throttling in PostgreSQL.
 */
export class Gate {
  private active = 0
  private readonly waiting: Array<() => void> = []
  /** The most tasks ever seen running at once (for tests and diagnostics). */
  peak = 0

  constructor(
    readonly limit: number,
    readonly queue: number,
  ) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active < this.limit) this.active++
    else if (this.waiting.length < this.queue) await new Promise<void>((resolve) => this.waiting.push(resolve))
    else throw new GateBusy()
    // A waiter is handed the finishing task's slot, so `active` is already counted for it.
    this.peak = Math.max(this.peak, this.active)
    try {
      return await task()
    } finally {
      const next = this.waiting.shift()
      if (next) next()
      else this.active--
    }
  }

  /** Every slot and queue place taken: a new task would be refused. */
  get full(): boolean {
    return this.active >= this.limit && this.waiting.length >= this.queue
  }

  get running(): number {
    return this.active
  }
}
