import type { Kysely, Migration } from "kysely";
import type { Dialect } from "../store/migrations.js";
import { serialKey } from "../store/serial-key.js";

/**
 * Outage notices and planned shutdowns (issue 15), in their own file so they merge cleanly beside
 * other helpers' migrations. Append new ones; never edit one that has shipped.
 */
export function noticesMigration(dialect: Dialect): Migration {
  const { serialType, serial } = serialKey(dialect);
  return {
    async up(db: Kysely<unknown>) {
      // One row per person per notice: the unique key is what makes "exactly one notice each" hold
      // across the consumer list, the reporters and a restart mid-way through sending.
      await db.schema
        .createTable("notices")
        .addColumn("id", serialType, serial)
        .addColumn("subject", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("recipient_key", "text", (c) => c.notNull())
        .addColumn("channel", "text", (c) => c.notNull())
        .addColumn("recipient", "text", (c) => c.notNull())
        .addColumn("language", "text", (c) => c.notNull())
        .addColumn("ticket_id", "integer")
        .addColumn("send_after", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("outbox_id", "integer")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("queued_at", "text")
        .addUniqueConstraint("notices_once", ["subject", "kind", "recipient_key"])
        .execute();
      await db.schema
        .createIndex("notices_due")
        .on("notices")
        .columns(["status", "send_after"])
        .execute();
      await db.schema
        .createIndex("notices_subject")
        .on("notices")
        .columns(["subject", "queued_at"])
        .execute();

      // What an officer has said about an inferred outage: confirmed, crew, expected restoration.
      await db.schema
        .createTable("outage_announcements")
        .addColumn("incident_id", "text", (c) => c.primaryKey())
        .addColumn("confirmed_by", "text")
        .addColumn("confirmed_at", "text")
        .addColumn("crew_assigned", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("restore_by", "text")
        .addColumn("announced_at", "text")
        .addColumn("restored_at", "text")
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("shutdowns")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("feeders", "text", (c) => c.notNull())
        .addColumn("unit_id", "text", (c) => c.notNull())
        .addColumn("path", "text", (c) => c.notNull())
        .addColumn("reason", "text", (c) => c.notNull())
        .addColumn("starts_at", "text", (c) => c.notNull())
        .addColumn("ends_at", "text", (c) => c.notNull())
        .addColumn("created_by", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("cancelled_at", "text")
        .execute();
      await db.schema
        .createIndex("shutdowns_window")
        .on("shutdowns")
        .columns(["ends_at", "starts_at"])
        .execute();

      // A STOP from a phone or messaging address: no more notices to it (replies to its own
      // complaints still go, as they answer something the consumer asked).
      await db.schema
        .createTable("notice_opt_outs")
        .addColumn("recipient_key", "text", (c) => c.primaryKey())
        .addColumn("channel", "text", (c) => c.notNull())
        .addColumn("at", "text", (c) => c.notNull())
        .execute();

      // A consumer's language for notices (hi | en); null: Hindi, or what they last wrote in.
      await db.schema.alterTable("consumers").addColumn("language", "text").execute();
    },
    async down(db: Kysely<unknown>) {
      for (const t of ["notice_opt_outs", "shutdowns", "outage_announcements", "notices"])
        await db.schema.dropTable(t).ifExists().execute();
      await db.schema.alterTable("consumers").dropColumn("language").execute();
    },
  };
}
