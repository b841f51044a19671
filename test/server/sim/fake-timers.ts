/** A clock and timer queue the test drives by hand, standing in for Date.now and setTimeout. */
export class FakeClock {
  nowMs: number;
  private timers: { atMs: number; fn: () => void; live: boolean }[] = [];
  /** How many timers were ever set (to see that one timer at a time is used). */
  created = 0;

  constructor(start: Date) {
    this.nowMs = start.getTime();
  }

  now = (): Date => new Date(this.nowMs);

  setTimer = (fn: () => void, ms: number): { cancel(): void } => {
    const timer = { atMs: this.nowMs + Math.max(0, ms), fn, live: true };
    this.timers.push(timer);
    this.created++;
    return { cancel: () => void (timer.live = false) };
  };

  pending(): number {
    return this.timers.filter((t) => t.live).length;
  }

  /** Moves time forward, firing due timers in order and letting their async work settle. */
  async advance(ms: number): Promise<void> {
    const target = this.nowMs + ms;
    for (;;) {
      const due = this.timers
        .filter((t) => t.live && t.atMs <= target)
        .sort((a, b) => a.atMs - b.atMs)[0];
      if (!due) break;
      this.nowMs = Math.max(this.nowMs, due.atMs);
      due.live = false;
      due.fn();
      await settle();
    }
    this.nowMs = target;
    await settle();
  }

  /** Jumps the clock without firing anything (the host slept). */
  jump(ms: number): void {
    this.nowMs += ms;
  }

  /** Fires whatever timer is pending now, without moving the clock. */
  async fireDue(): Promise<void> {
    await this.advance(0);
  }
}

export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
