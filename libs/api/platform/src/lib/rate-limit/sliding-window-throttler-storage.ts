import { ThrottlerStorage } from '@nestjs/throttler';

interface Window {
  /** Start of the current fixed window, a multiple of the limit's period. */
  start: number;
  count: number;
  /** Requests counted in the window before, if it is the one just before. */
  previous: number;
  ttl: number;
}

/**
 * Rate limits in constant time and memory per address: a count for the current window of the limit's
 * period and one for the window before, weighted by how much of it the sliding period still covers
 * (the sliding-window estimate). The package's own storage keeps a timestamp per request and filters
 * them all on every request, which costs as much as the limit allows. Refused requests are not counted,
 * so an address that keeps hammering is let through again as soon as its estimate falls under the limit.
 */
export class SlidingWindowThrottlerStorage implements ThrottlerStorage {
  private readonly windows = new Map<string, Window>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(sweepEveryMs = 60_000) {
    this.sweeper = setInterval(() => this.sweep(Date.now()), sweepEveryMs);
    this.sweeper.unref();
  }

  /** Stops the sweeping timer (it never holds the process open either way). */
  close(): void {
    clearInterval(this.sweeper);
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    _blockDuration: number,
    throttlerName: string,
  ): Promise<{ totalHits: number; timeToExpire: number; isBlocked: boolean; timeToBlockExpire: number }> {
    return this.hit(`${throttlerName}:${key}`, ttl, limit, Date.now());
  }

  /** Counts a request at `now` unless the estimate is already at the limit. */
  hit(
    id: string,
    ttl: number,
    limit: number,
    now: number,
  ): { totalHits: number; timeToExpire: number; isBlocked: boolean; timeToBlockExpire: number } {
    const start = Math.floor(now / ttl) * ttl;
    let window = this.windows.get(id);
    if (!window) {
      window = { start, count: 0, previous: 0, ttl };
      this.windows.set(id, window);
    } else if (window.start !== start) {
      window.previous = start - window.start === ttl ? window.count : 0;
      window.count = 0;
      window.start = start;
    }
    const overlap = 1 - (now - start) / ttl;
    const estimate = window.previous * overlap + window.count;
    const isBlocked = estimate >= limit;
    if (!isBlocked) window.count++;
    const timeToExpire = Math.max(1, Math.ceil((start + ttl - now) / 1000));
    return {
      totalHits: isBlocked ? limit + 1 : Math.ceil(window.previous * overlap) + window.count,
      timeToExpire,
      isBlocked,
      timeToBlockExpire: isBlocked ? timeToExpire : 0,
    };
  }

  /** Forgets addresses not seen for two periods: their count can no longer matter. */
  sweep(now: number): void {
    for (const [id, window] of this.windows) {
      if (now - window.start >= 2 * window.ttl) this.windows.delete(id);
    }
  }

  get size(): number {
    return this.windows.size;
  }
}
