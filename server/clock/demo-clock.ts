import type { Clock } from "./clock.js";

/** A clock something else may set: the history backfill drives one through past days. */
export interface SettableClock extends Clock {
  set(at: Date | string): void;
}

export function isSettable(clock: Clock): clock is SettableClock {
  return typeof (clock as Partial<SettableClock>).set === "function";
}

/**
 * The demo's clock. While the history is written it stands where the backfill sets it; then it
 * runs from where it was left (never behind real time) at `speed` times real time, so a
 * presentation can show an afternoon of SLA clocks, escalations and officers' work in minutes.
 */
export class DemoClock implements SettableClock {
  private fixedMs: number | null = null;
  private anchorDemoMs = 0;
  private anchorRealMs = 0;

  constructor(
    readonly speed = 1,
    private readonly realNow: () => number = Date.now,
  ) {
    this.run();
  }

  now(): Date {
    if (this.fixedMs !== null) return new Date(this.fixedMs);
    return new Date(this.anchorDemoMs + (this.realNow() - this.anchorRealMs) * this.speed);
  }

  /** Stops the clock at an instant (the backfill walks it through the past). */
  set(at: Date | string): void {
    this.fixedMs = new Date(at).getTime();
  }

  /** Runs on from `from` (default: where it stands, or real time if that is later). */
  run(from?: Date): void {
    const real = this.realNow();
    const at = from?.getTime() ?? this.fixedMs ?? real;
    this.fixedMs = null;
    this.anchorRealMs = real;
    this.anchorDemoMs = Math.max(at, real);
  }

  /** Real milliseconds until `demoMs` of demo time have passed. */
  realDelay(demoMs: number): number {
    return Math.max(0, demoMs / this.speed);
  }
}
