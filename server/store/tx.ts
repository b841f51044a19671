import { type Insertable, type Kysely, type Updateable } from "kysely";
import type { Database, ReportTable, TicketTable } from "./schema.js";

import type { EventRow, NewEvent } from "./rows.js";
import { StoreReader } from "./reader.js";

/** The writes commands make, all inside one transaction. */
export class StoreTx extends StoreReader {
  /** The transaction's Kysely handle, for modules (outbox, incidents) that write their own tables. */
  get kysely(): Kysely<Database> {
    return this.db;
  }

  async insertReport(row: Insertable<ReportTable>): Promise<void> {
    await this.db.insertInto("reports").values(row).execute();
  }

  async insertTicket(row: Insertable<TicketTable>): Promise<number> {
    const r = await this.db
      .insertInto("tickets")
      .values(row)
      .returning("id")
      .executeTakeFirstOrThrow();
    return Number(r.id);
  }

  async updateTicket(id: number, patch: Updateable<TicketTable>): Promise<void> {
    await this.db.updateTable("tickets").set(patch).where("id", "=", id).execute();
  }

  /** Records the ticket's place in the hierarchy (replacing the old one when it moves). */
  async setTicketUnits(ticketId: number, path: string[]): Promise<void> {
    await this.db.deleteFrom("ticket_units").where("ticket_id", "=", ticketId).execute();
    await this.db
      .insertInto("ticket_units")
      .values(path.map((unit_id) => ({ unit_id, ticket_id: ticketId })))
      .execute();
  }

  async insertEvent(ticketId: number, path: string[], e: NewEvent): Promise<EventRow> {
    const row = await this.db
      .insertInto("ticket_events")
      .values({
        ticket_id: ticketId,
        type: e.type,
        at: e.at,
        actor: e.actor,
        data: JSON.stringify(e.data),
        path: JSON.stringify(path),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { ...row, seq: Number(row.seq) };
  }
}
