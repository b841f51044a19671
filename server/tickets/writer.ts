import type { Updateable } from "kysely";
import type { EventBus, TicketChange } from "../events/bus.js";
import { runStatement } from "../store/compiled.js";
import type { TicketTable } from "../store/schema.js";
import type { NewEvent, Store, StoreTx, TicketRow } from "../store/store.js";

type Work<T> = (tx: StoreTx) => Promise<T>;

/** What ticket commands commit through (the writer; a test may stand in for it). */
export interface CommandRunner {
  commit<T extends { changes: TicketChange[] }>(work: Work<T>): Promise<T>;
}
interface Queued {
  work: Work<{ changes: TicketChange[] }>;
  resolve(value: unknown): void;
  reject(err: unknown): void;
}

/** Commands that arrive while a commit is running share the next one, up to this many. */
const MAX_GROUP = 64;

/**
 * The single path by which tickets change. A command runs inside `commit`: its writes and events
 * share one transaction, and after the commit its changes are published, in seq order.
 *
 * Group commit: every commit waits for the disk (store/wal-sync.ts), so commands that queue up
 * behind a running commit are run together in the next transaction, each inside its own
 * savepoint. A command that fails rolls back to its savepoint and fails alone; the rest commit
 * with one fsync. A caller's promise resolves only after the commit that holds its work.
 */
export class TicketWriter implements CommandRunner {
  private queue: Queued[] = [];
  private running = false;

  constructor(
    private readonly store: Store,
    private readonly bus: EventBus,
  ) {}

  commit<T extends { changes: TicketChange[] }>(work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
      if (this.running) return;
      this.running = true;
      // Yield to I/O once before starting: requests already read from their sockets then join this
      // group instead of each paying for its own fsync.
      setImmediate(() => void this.drain());
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length) {
        const group = this.queue.splice(0, MAX_GROUP);
        await this.runGroup(group);
        // Let the requests that arrived during that commit be read before the next group starts.
        if (this.queue.length < MAX_GROUP) await new Promise((r) => setImmediate(r));
      }
    } finally {
      this.running = false;
    }
  }

  private async runGroup(group: Queued[]): Promise<void> {
    const outcomes: Array<
      { ok: true; value: { changes: TicketChange[] } } | { ok: false; err: unknown }
    > = [];
    let trx;
    try {
      trx = await this.store.startTransaction();
    } catch (err) {
      for (const q of group) q.reject(err);
      return;
    }
    const tx = this.store.txFor(trx);
    for (const q of group) {
      // One savepoint name is enough: each is released before the next command starts.
      await runStatement(trx, "savepoint cmd");
      try {
        const value = await q.work(tx);
        await runStatement(trx, "release cmd");
        outcomes.push({ ok: true, value });
      } catch (err) {
        try {
          await runStatement(trx, "rollback to cmd");
          await runStatement(trx, "release cmd");
        } catch {
          // The savepoint itself failed; the commit below fails too and rejects the group.
        }
        outcomes.push({ ok: false, err });
      }
    }
    try {
      await trx.commit().execute();
    } catch (err) {
      await trx
        .rollback()
        .execute()
        .catch(() => undefined);
      for (const q of group) q.reject(err);
      return;
    }
    for (const [i, q] of group.entries()) {
      const o = outcomes[i];
      if (!o.ok) {
        q.reject(o.err);
        continue;
      }
      for (const change of o.value.changes) this.bus.publish(change);
      q.resolve(o.value);
    }
  }
}

/**
 * Writes a ticket's change inside a transaction and appends its events; returns the change.
 * The ticket's `last_seq` becomes the seq of its newest event. A new ticket (`before` null) is
 * inserted whole, once, with the id `reserveTicketId` gave it; an existing one is updated.
 */
export async function writeChange(
  tx: StoreTx,
  before: TicketRow | null,
  after: TicketRow,
  events: NewEvent[],
): Promise<TicketChange> {
  const path = JSON.parse(after.path) as string[];
  const rows = await tx.insertEvents(after.id, path, events);
  const lastSeq = rows.length ? rows[rows.length - 1].seq : after.last_seq;
  const final: TicketRow = { ...after, last_seq: lastSeq };
  if (!before) await tx.insertTicket(final);
  else {
    // Only the columns that changed: SQLite rewrites an index entry for every indexed column in SET.
    const patch: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(final) as [keyof TicketRow, unknown][])
      if (key !== "id" && before[key] !== value) patch[key] = value;
    if (Object.keys(patch).length)
      await tx.updateTicket(after.id, patch as Updateable<TicketTable>);
  }
  if (!before || before.path !== after.path) await tx.setTicketUnits(after.id, path, !before);
  return { seq: lastSeq, before, after: final, events: rows };
}
