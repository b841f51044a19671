import type { TicketChange } from "../events/bus.js";

/** The seq of a change's first event, or null for a change that wrote no event. */
export function firstSeqOf(change: TicketChange): number | null {
  if (change.events.length === 0) return null;
  return Math.min(...change.events.map((e) => Number(e.seq)));
}

/** Seqs skipped as holes that are remembered, in case one was only late (bounded). */
const SKIPPED_MEMORY = 10_000;

/**
 * Puts changes heard from every node back into seq order. Nodes publish after their own commits,
 * so node B's seq 11 can reach Redis before node A's seq 10: a change is held until every seq
 * before it has been delivered. A gap that lasts `gapWaitMs` is reported (`onGap`): the caller
 * asks the store whether the missing seqs were committed (then catches up from it) or are holes
 * (a rolled-back insert), and calls `skipTo`. In open mode (Redis down, or a catch-up running)
 * changes are delivered as they come, since nothing else will fill the gaps meanwhile.
 */
export class Sequencer {
  private position: number | null = null;
  private readonly pending = new Map<number, TicketChange>();
  private readonly skipped = new Set<number>();
  private timer: NodeJS.Timeout | null = null;
  private open = false;

  constructor(
    private readonly deliver: (change: TicketChange) => void,
    private readonly onGap: (afterSeq: number, untilSeq: number) => void,
    private readonly gapWaitMs: number,
  ) {}

  /** The seq up to which changes have been delivered (null before `start`). */
  get seq(): number | null {
    return this.position;
  }

  /** Begins delivering after `seq` (what the projections were built at); earlier changes are dropped. */
  start(seq: number): void {
    this.position = seq;
    this.drain();
  }

  offer(change: TicketChange): void {
    const first = firstSeqOf(change);
    // No event, no place in the order (e.g. a ticket at the top of the ladder stops being swept).
    if (first === null) return this.deliver(change);
    if (this.position !== null && change.seq <= this.position) {
      // Heard already, unless it is a change whose seqs were taken for a hole.
      if (!this.skipped.delete(first)) return;
      return this.deliver(change);
    }
    this.pending.set(first, change);
    this.drain();
  }

  /**
   * Seqs up to `seq` are accounted for: holes (a change that turns up for one later is still
   * delivered), or read from the store by a catch-up (one that turns up later is a repeat).
   */
  skipTo(seq: number, holes = false): void {
    if (this.position === null) return;
    if (holes)
      for (let s = this.position + 1; s <= seq && this.skipped.size < SKIPPED_MEMORY; s++)
        if (!this.pending.has(s)) this.skipped.add(s);
    this.position = Math.max(this.position, seq);
    this.drain();
  }

  /** Open: deliver everything now, in seq order as far as it has arrived; closed: wait for gaps. */
  setOpen(open: boolean): void {
    this.open = open;
    this.drain();
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
  }

  private drain(): void {
    if (this.position === null) return;
    for (const [first, change] of this.pending)
      if (change.seq <= this.position) this.pending.delete(first);
    for (;;) {
      let next = this.pending.get(this.position + 1);
      if (!next && this.open && this.pending.size) next = this.earliest();
      if (!next) break;
      this.pending.delete(firstSeqOf(next)!);
      this.position = Math.max(this.position, next.seq);
      this.deliver(next);
    }
    if (this.pending.size === 0) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
    } else if (!this.timer) {
      this.timer = setTimeout(() => this.gapTimedOut(), this.gapWaitMs);
      this.timer.unref();
    }
  }

  private earliest(): TicketChange {
    return this.pending.get(Math.min(...this.pending.keys()))!;
  }

  private gapTimedOut(): void {
    this.timer = null;
    if (this.position === null || this.pending.size === 0) return;
    const until = Math.min(...this.pending.keys()) - 1;
    if (until <= this.position) return this.drain();
    this.onGap(this.position, until);
    // Still waiting: ask again later unless the answer has filled the gap by then.
    if (this.pending.size && !this.timer) {
      this.timer = setTimeout(() => this.gapTimedOut(), this.gapWaitMs);
      this.timer.unref();
    }
  }
}
