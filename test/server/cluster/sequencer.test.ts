import { describe, expect, it } from "vitest";
import type { TicketChange } from "../../../server/events/bus.js";
import { Sequencer } from "../../../server/cluster/sequencer.js";
import type { EventRow, TicketRow } from "../../../server/store/store.js";

/** A change whose events have the given seqs (only seqs matter to the sequencer). */
function change(...seqs: number[]): TicketChange {
  const events = seqs.map((seq) => ({ seq }) as EventRow);
  return {
    seq: seqs.length ? seqs[seqs.length - 1] : 0,
    before: null,
    after: { id: seqs[0] ?? 0 } as TicketRow,
    events,
  };
}

function harness(gapWaitMs = 20) {
  const delivered: number[] = [];
  const gaps: Array<[number, number]> = [];
  const seq = new Sequencer(
    (c) => delivered.push(c.seq),
    (after, until) => gaps.push([after, until]),
    gapWaitMs,
  );
  return { seq, delivered, gaps };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("the cluster bus's sequencer", () => {
  it("delivers changes heard out of order in seq order", () => {
    const { seq, delivered } = harness();
    seq.start(10);
    seq.offer(change(13, 14));
    seq.offer(change(12));
    expect(delivered).toEqual([]);
    seq.offer(change(11));
    expect(delivered).toEqual([11, 12, 14]);
    seq.close();
  });

  it("drops a change heard twice and changes the projections were built past", () => {
    const { seq, delivered } = harness();
    seq.offer(change(9));
    seq.start(10);
    seq.offer(change(11));
    seq.offer(change(11));
    seq.offer(change(10));
    expect(delivered).toEqual([11]);
    seq.close();
  });

  it("reports a gap that lasts, and skips it when the store says it is a hole", async () => {
    const { seq, delivered, gaps } = harness();
    seq.start(0);
    seq.offer(change(1));
    seq.offer(change(3, 4));
    await wait(40);
    expect(gaps[0]).toEqual([1, 2]);
    seq.skipTo(2, true);
    expect(delivered).toEqual([1, 4]);
    // The hole was only late after all: it is still delivered, once.
    seq.offer(change(2));
    seq.offer(change(2));
    expect(delivered).toEqual([1, 4, 2]);
    seq.close();
  });

  it("after a catch-up treats a late change inside the caught-up range as a repeat", () => {
    const { seq, delivered } = harness();
    seq.start(0);
    seq.offer(change(5));
    seq.skipTo(4);
    seq.offer(change(3));
    expect(delivered).toEqual([5]);
    seq.close();
  });

  it("delivers everything at once while open (Redis down), in seq order as far as it has come", () => {
    const { seq, delivered } = harness();
    seq.start(0);
    seq.offer(change(4));
    seq.offer(change(2));
    seq.setOpen(true);
    expect(delivered).toEqual([2, 4]);
    seq.offer(change(7));
    expect(delivered).toEqual([2, 4, 7]);
    seq.setOpen(false);
    seq.offer(change(9));
    expect(delivered).toEqual([2, 4, 7]);
    seq.offer(change(8));
    expect(delivered).toEqual([2, 4, 7, 8, 9]);
    seq.close();
  });

  it("passes a change that wrote no event straight through", () => {
    const { seq, delivered } = harness();
    seq.start(5);
    seq.offer(change(7));
    seq.offer(change());
    expect(delivered).toEqual([0]);
    seq.close();
  });
});
