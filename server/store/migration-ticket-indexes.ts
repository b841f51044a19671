import type { Kysely, Migration } from "kysely";

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
