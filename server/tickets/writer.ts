import type { Updateable } from "kysely";
import type { EventBus, TicketChange } from "../events/bus.js";
import type { TicketTable } from "../store/schema.js";
import type { NewEvent, Store, StoreTx, TicketRow } from "../store/store.js";

/**
 * The single path by which tickets change. A command runs inside `commit`: one transaction writes
 * the ticket and its events; after the commit the change is published. Commits are serialised in
 * this process so changes reach the projections in seq order (SQLite has one writer anyway).
 */
export class TicketWriter {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly bus: EventBus,
  ) {}

  commit<T extends { changes: TicketChange[] }>(work: (tx: StoreTx) => Promise<T>): Promise<T> {
    const run = this.tail.then(async () => {
      const result = await this.store.transaction(work);
      for (const change of result.changes) this.bus.publish(change);
      return result;
    });
    // A failed command must not block the ones queued behind it.
    this.tail = run.catch(() => undefined);
    return run;
  }
}

/**
 * Applies a patch to a ticket inside a transaction and appends its events; returns the change.
 * The ticket's `last_seq` becomes the seq of its newest event.
 */
export async function writeChange(
  tx: StoreTx,
  before: TicketRow | null,
  after: TicketRow,
  events: NewEvent[],
): Promise<TicketChange> {
  const path = JSON.parse(after.path) as string[];
  const rows = [];
  for (const e of events) rows.push(await tx.insertEvent(after.id, path, e));
  const lastSeq = rows.length ? Number(rows[rows.length - 1].seq) : after.last_seq;
  const final: TicketRow = { ...after, last_seq: lastSeq };
  const patch: Updateable<TicketTable> = { ...final };
  delete patch.id;
  await tx.updateTicket(after.id, patch);
  if (!before || before.path !== after.path) await tx.setTicketUnits(after.id, path);
  return { seq: lastSeq, before, after: final, events: rows };
}
