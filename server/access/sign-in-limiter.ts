/**
 * Throttles password guessing (ASVS 6.3.1) without letting anyone lock another person out (6.1.1):
 * failures are counted per (account, address) pair and per address, never per account alone, so
 * an attacker elsewhere cannot stop the real user signing in from their own machine.
 */
export class SignInLimiter {
  private readonly failures = new Map<string, number[]>();
  private sweeps = 0;

  constructor(
    private readonly opts = { windowMs: 15 * 60_000, perPair: 5, perAddress: 30 },
    private readonly now: () => number = Date.now,
  ) {}

  private recent(key: string, t: number): number[] {
    return (this.failures.get(key) ?? []).filter((h) => h > t - this.opts.windowMs);
  }

  /** Seconds to wait before another attempt from this address at this account, or 0. */
  wait(username: string, address: string): number {
    const t = this.now();
    for (const [key, max] of [
      [`pair:${username}|${address}`, this.opts.perPair],
      [`addr:${address}`, this.opts.perAddress],
    ] as const) {
      const r = this.recent(key, t);
      if (r.length >= max) return Math.max(1, Math.ceil((r[0] + this.opts.windowMs - t) / 1000));
    }
    return 0;
  }

  failed(username: string, address: string): void {
    const t = this.now();
    for (const key of [`pair:${username}|${address}`, `addr:${address}`]) {
      const r = this.recent(key, t);
      r.push(t);
      this.failures.set(key, r);
    }
    // Forget old entries now and then so the map stays bounded.
    if (++this.sweeps % 500 === 0)
      for (const [k, v] of this.failures)
        if (v[v.length - 1] <= t - this.opts.windowMs) this.failures.delete(k);
  }

  succeeded(username: string, address: string): void {
    this.failures.delete(`pair:${username}|${address}`);
  }
}
