import type { Kysely, Migration } from "kysely";

/**
 * Outbox claims (issue 12): a node claims a due message (owner and expiry, committed) before it
 * sends it, so two nodes never send the same message and a claim left by a dead node expires.
 * Plain text columns: the same on SQLite and PostgreSQL (the due index exists since 0002).
 */
export const outboxClaimMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable("outbox").addColumn("claimed_by", "text").execute();
    await db.schema.alterTable("outbox").addColumn("claimed_until", "text").execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable("outbox").dropColumn("claimed_until").execute();
    await db.schema.alterTable("outbox").dropColumn("claimed_by").execute();
  },
};
