import type { TicketChange } from "../events/bus.js";

/**
 * The last few thousand changes applied in this process, in seq order. Replays and snapshots read
 * the store and then take the tail from here synchronously, so nothing that commits while the
 * store query runs falls between the answer and the next delta.
 */
export class RecentChanges {
  private buf: TicketChange[] = [];
  private droppedUpTo = 0;

  constructor(private readonly capacity = 5000) {}

  push(change: TicketChange): void {
    this.buf.push(change);
    if (this.buf.length > this.capacity * 1.25) {
      const drop = this.buf.length - this.capacity;
      this.droppedUpTo = this.buf[drop - 1].seq;
      this.buf = this.buf.slice(drop);
    }
  }

  /** Changes with seq > afterSeq, or null when some of them were already dropped. */
  since(afterSeq: number): TicketChange[] | null {
    if (this.droppedUpTo > afterSeq) return null;
    return this.buf.filter((c) => c.seq > afterSeq);
  }
}
