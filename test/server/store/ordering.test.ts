import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store, StoreTx, TicketRow } from "../../../server/store/store.js";
import { writeChange } from "../../../server/tickets/writer.js";
import { insertBareTicket, openTestStore, TEST_DATABASE } from "../../support/database.js";

// Runs on SQLite and, in the "postgres" project, on PostgreSQL, where a pool's connections run
// transactions side by side as two nodes' would.
let store: Store;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ store, drop } = await openTestStore(`ordering-${randomUUID()}`));
});
afterAll(async () => {
  await store.close();
  await drop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const PATH = ["network"];

async function newTicket(): Promise<TicketRow> {
  const id = await store.transaction((tx) => insertBareTicket(tx));
  return (await store.getTicket(id))!;
}

const note = (n: number) => ({
  type: "note",
  at: new Date().toISOString(),
  actor: "t",
  data: { n },
});

describe(`event seq on ${TEST_DATABASE}`, () => {
  it("never lets a reader see seq N+1 committed while N is still to come", async () => {
    const ticket = await newTicket();
    const seen: number[][] = [];
    let writing = true;
    const reader = (async () => {
      while (writing) {
        const rows = await store.eventsBetween(0, Number.MAX_SAFE_INTEGER, 10_000);
        seen.push(rows.map((r) => r.seq));
        await sleep(5);
      }
    })();
    // A slow transaction takes its seq first and commits last unless seq follows commit order.
    const writes: Promise<void>[] = [];
    for (let round = 0; round < 4; round++) {
      writes.push(
        store.transaction(async (tx) => {
          await tx.insertEvent(ticket.id, PATH, note(round * 10));
          await sleep(150);
        }),
      );
      await sleep(30);
      for (let k = 1; k <= 3; k++)
        writes.push(
          store.transaction(async (tx) => {
            await tx.insertEvent(ticket.id, PATH, note(round * 10 + k));
          }),
        );
      await Promise.all(writes);
    }
    writing = false;
    await reader;
    const all = (await store.eventsOfTicket(ticket.id)).map((e) => e.seq);
    expect(all).toHaveLength(16);
    expect(seen.length).toBeGreaterThanOrEqual(4);
    // Every view the reader had is a prefix of the final log: nothing appeared behind it later.
    for (const view of seen) {
      const upTo = view.length ? view[view.length - 1] : 0;
      expect(view).toEqual(all.filter((s) => s <= upTo));
    }
  });

  it("serialises concurrent commands on one ticket so none of their changes is lost", async () => {
    const ticket = await newTicket();
    // Each command reads the ticket, thinks a little, then writes what it read plus one: without
    // a lock the commands read the same count and all but one increment are lost.
    const joinOne = (i: number) =>
      store.transaction(async (tx: StoreTx) => {
        const before = (await tx.getTicket(ticket.id))!;
        await sleep(10);
        const after = { ...before, report_count: before.report_count + 1 };
        await writeChange(tx, before, after, [note(i)]);
      });
    await Promise.all(Array.from({ length: 12 }, (_, i) => joinOne(i)));
    const stored = (await store.getTicket(ticket.id))!;
    expect(stored.report_count).toBe(13);
    const events = await store.eventsOfTicket(ticket.id);
    expect(events).toHaveLength(12);
    expect(stored.last_seq).toBe(events[events.length - 1].seq);
  });

  it("gives ids, seqs and counts as numbers", async () => {
    const ticket = await newTicket();
    const event = await store.transaction((tx) => tx.insertEvent(ticket.id, PATH, note(1)));
    expect(typeof ticket.id).toBe("number");
    expect(typeof event.seq).toBe("number");
    expect(typeof (await store.maxSeq())).toBe("number");
    const { rows, total } = await store.listTickets({ q: ticket.number });
    expect(rows.map((r) => r.id)).toEqual([ticket.id]);
    expect(total).toBe(1);
  });
});
