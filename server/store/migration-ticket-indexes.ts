import { sql, type Kysely, type Migration } from "kysely";

/**
 * Indexes for a storm's sizes (100,000 open tickets, millions closed):
 * - open tickets in the orders a snapshot lists them (most urgent: due first; most recent: newest
 *   first), per status: "the 25 most urgent" walks an index and stops instead of sorting them all;
 * - tickets received or resolved since a time: the start-up count of today's figures reads those
 *   rows, not the whole history.
 */
export const ticketIndexesMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createIndex("tickets_status_due")
      .on("tickets")
      .columns(["status", "due_at", "id"])
      .execute();
    await db.schema
      .createIndex("tickets_status_id")
      .on("tickets")
      .columns(["status", "id"])
      .execute();
    await db.schema.createIndex("tickets_created").on("tickets").column("created_at").execute();
    await db.schema.createIndex("tickets_resolved").on("tickets").column("resolved_at").execute();
  },
  async down(db: Kysely<unknown>) {
    for (const name of [
      "tickets_resolved",
      "tickets_created",
      "tickets_status_id",
      "tickets_status_due",
    ])
      await db.schema.dropIndex(name).ifExists().execute();
  },
};

/** Columns empty on most rows when they are written, and only ever looked up by a value. */
const SPARSE = [
  { index: "tickets_confirm_by", table: "tickets", column: "confirm_by" },
  { index: "tickets_resolved", table: "tickets", column: "resolved_at" },
  { index: "tickets_account", table: "tickets", column: "consumer_account" },
  { index: "tickets_phone", table: "tickets", column: "phone" },
  { index: "outbox_external", table: "outbox", column: "external_id" },
] as const;

/**
 * Every new ticket and outbox message wrote an index entry for each of these columns although
 * they are empty then (a ticket is resolved, and a message gets its gateway id, later; many
 * reports carry no account or phone). Rebuilt as partial indexes of the rows that have a value:
 * the queries that use them ask for a value (`confirm_by <= ?`, `external_id = ?`), which both
 * SQLite and PostgreSQL know excludes the empty rows, so they keep their index.
 */
export const sparseIndexesMigration: Migration = {
  async up(db: Kysely<unknown>) {
    for (const { index, table, column } of SPARSE) {
      await db.schema.dropIndex(index).ifExists().execute();
      await db.schema
        .createIndex(index)
        .on(table)
        .column(column)
        .where(sql.ref(column), "is not", null)
        .execute();
    }
  },
  async down(db: Kysely<unknown>) {
    for (const { index, table, column } of SPARSE) {
      await db.schema.dropIndex(index).ifExists().execute();
      await db.schema.createIndex(index).on(table).column(column).execute();
    }
  },
};
