import { sql, type Insertable, type Kysely, type Updateable } from "kysely";
import { lockForTransaction } from "./locks.js";
import type { Dialect } from "./migrations.js";
import type { Database, ReportTable, TicketTable } from "./schema.js";

import { rowShape, runShaped } from "./compiled.js";
import type { EventRow, NewEvent } from "./rows.js";
import { StoreReader } from "./reader.js";

/** The writes commands make, all inside one transaction. */
export class StoreTx extends StoreReader {
  constructor(
    db: Kysely<Database>,
    dialect: Dialect,
    /** Whether the transaction already holds the events lock (Store takes it at the start). */
    private eventsLocked = false,
  ) {
    super(db, dialect);
  }

  protected override get locksTickets(): boolean {
    return this.dialect === "postgres";
  }

  /** The transaction's Kysely handle, for modules (outbox, incidents) that write their own tables. */
  get kysely(): Kysely<Database> {
    return this.db;
  }

  async insertReport(row: Insertable<ReportTable>): Promise<void> {
    const { columns, params } = rowShape(row);
    await runShaped(this.db, `reports.insert:${columns}`, params, () =>
      this.db.insertInto("reports").values(row),
    );
  }

  /**
   * The id the next new ticket takes, taken before its row is written so the row goes in whole,
   * once: an insert and then an update would write the ticket's dozen index entries twice.
   * SQLite: AUTOINCREMENT's counter (this transaction holds the only writer); PostgreSQL: the
   * id column's sequence.
   */
  async reserveTicketId(): Promise<number> {
    const [r] =
      this.dialect === "postgres"
        ? await runShaped(this.db, "tickets.reserve", [], () =>
            this.db.selectNoFrom(
              sql<string>`nextval(pg_get_serial_sequence('tickets', 'id'))`.as("id"),
            ),
          )
        : await runShaped(this.db, "tickets.reserve", [], () =>
            this.db.selectNoFrom(
              sql<number>`coalesce((select seq from sqlite_sequence where name = 'tickets'), 0) + 1`.as(
                "id",
              ),
            ),
          );
    return Number(r.id);
  }

  /** A new ticket's row, with the id reserveTicketId gave it. */
  async insertTicket(row: Insertable<TicketTable> & { id: number }): Promise<void> {
    const { columns, params } = rowShape(row);
    await runShaped(this.db, `tickets.insert:${columns}`, params, () =>
      this.db.insertInto("tickets").values(row),
    );
  }

  async updateTicket(id: number, patch: Updateable<TicketTable>): Promise<void> {
    const { columns, params } = rowShape(patch);
    params.push(id);
    await runShaped(this.db, `tickets.update:${columns}`, params, () =>
      this.db.updateTable("tickets").set(patch).where("id", "=", id),
    );
  }

  /** Records the ticket's place in the hierarchy (replacing the old one when it moves). */
  async setTicketUnits(ticketId: number, path: string[], isNew = false): Promise<void> {
    if (!isNew)
      await runShaped(this.db, "ticket_units.delete", [ticketId], () =>
        this.db.deleteFrom("ticket_units").where("ticket_id", "=", ticketId),
      );
    const rows = path.map((unit_id) => ({ unit_id, ticket_id: ticketId }));
    await runShaped(
      this.db,
      `ticket_units.insert:${rows.length}`,
      rows.flatMap((r) => [r.unit_id, r.ticket_id]),
      () => this.db.insertInto("ticket_units").values(rows),
    );
  }

  /**
   * Appends an event. Its seq comes from the table's sequence, which on PostgreSQL alone would not
   * be commit order: a transaction may take seq 7, another seq 8 and commit first, and a screen
   * replaying "after 8" would never see 7. Appending therefore happens under the events lock
   * (see Store.startTransaction), so seqs are taken and committed one transaction after another.
   */
  async insertEvent(ticketId: number, path: string[], e: NewEvent): Promise<EventRow> {
    const [row] = await this.insertEvents(ticketId, path, [e]);
    return row;
  }

  /** Appends a ticket's events in one statement; returns them in seq order. */
  async insertEvents(ticketId: number, path: string[], events: NewEvent[]): Promise<EventRow[]> {
    if (events.length === 0) return [];
    if (this.dialect === "postgres" && !this.eventsLocked) {
      await lockForTransaction(this.db, "events");
      this.eventsLocked = true;
    }
    const pathJson = JSON.stringify(path);
    const rows = events.map((e) => ({
      ticket_id: ticketId,
      type: e.type,
      at: e.at,
      actor: e.actor,
      data: JSON.stringify(e.data),
      path: pathJson,
    }));
    const out = await runShaped(
      this.db,
      `ticket_events.insert:${rows.length}`,
      rows.flatMap((r) => [r.ticket_id, r.type, r.at, r.actor, r.data, r.path]),
      () => this.db.insertInto("ticket_events").values(rows).returningAll(),
    );
    return out.map((r) => ({ ...r, seq: Number(r.seq) })).sort((a, b) => a.seq - b.seq);
  }
}
