import type { Kysely, Migration } from "kysely";
import type { Dialect } from "../store/migrations.js";
import { serialKey } from "../store/serial-key.js";

/** The webhook inbox: each channel delivery as received, then its processing outcome. */
export function inboxMigration(dialect: Dialect): Migration {
  const { serialType, serial } = serialKey(dialect);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("inbox")
        .addColumn("id", serialType, serial)
        .addColumn("channel", "text", (c) => c.notNull())
        .addColumn("received_at", "text", (c) => c.notNull())
        .addColumn("body", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("error", "text")
        .addColumn("summary", "text")
        .addColumn("processed_at", "text")
        .execute();
      await db.schema.createIndex("inbox_status").on("inbox").columns(["status", "id"]).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable("inbox").ifExists().execute();
    },
  };
}

/**
 * Per message: how far the worker has got through a delivery (so kill -9 resumes there, not at its
 * first message), and the messages it could not process, each with its error.
 */
export function inboxMessagesMigration(dialect: Dialect): Migration {
  const idType = dialect === "postgres" ? "bigint" : "integer";
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable("inbox")
        .addColumn("messages_done", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createTable("inbox_failures")
        .addColumn("inbox_id", idType, (c) => c.notNull())
        .addColumn("position", "integer", (c) => c.notNull())
        .addColumn("error", "text", (c) => c.notNull())
        .addColumn("message", "text", (c) => c.notNull())
        .addColumn("at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("inbox_failures_pk", ["inbox_id", "position"])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable("inbox_failures").ifExists().execute();
      await db.schema.alterTable("inbox").dropColumn("messages_done").execute();
    },
  };
}

/**
 * Inbox claims (issue 12): a node claims a pending delivery (owner and expiry, committed) before it
 * processes it, so two nodes never work through one delivery at once, and a claim left by a node
 * that died expires. Plain text columns: the same on SQLite and PostgreSQL.
 */
export const inboxClaimMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable("inbox").addColumn("claimed_by", "text").execute();
    await db.schema.alterTable("inbox").addColumn("claimed_until", "text").execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable("inbox").dropColumn("claimed_until").execute();
    await db.schema.alterTable("inbox").dropColumn("claimed_by").execute();
  },
};
