import { sql, type Kysely, type Migration, type MigrationProvider } from "kysely";

import { inboxClaimMigration, inboxMessagesMigration, inboxMigration } from "../inbox/migration.js";
import { channelMigrations } from "./migrations-channels.js";
import { outboxClaimMigration } from "../cluster/migration.js";
import { noticesMigration } from "../notices/migration.js";
import { publicMigrations } from "../public/migration.js";
import { pgMigrations } from "./migrations-pg.js";
import { serialKey } from "./serial-key.js";
import { accessMigration } from "./migrations-access.js";
import { sparseIndexesMigration, ticketIndexesMigration } from "./migration-ticket-indexes.js";

export type Dialect = "sqlite" | "postgres";

/**
 * Migrations live in code so the store creates and upgrades itself at start, on SQLite and
 * PostgreSQL alike. Append new ones; never edit one that has shipped.
 */
function migrations(dialect: Dialect): Record<string, Migration> {
  const { serialType, serial } = serialKey(dialect);
  return {
    "0001_core": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("units")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("kind", "text", (c) => c.notNull())
          .addColumn("parent_id", "text")
          .addColumn("name", "text", (c) => c.notNull())
          .addColumn("name_hi", "text", (c) => c.notNull())
          .addColumn("lat", "double precision", (c) => c.notNull())
          .addColumn("lon", "double precision", (c) => c.notNull())
          .addColumn("path", "text", (c) => c.notNull())
          .addColumn("district_id", "text")
          .addColumn("urban", "integer", (c) => c.notNull().defaultTo(0))
          .addColumn("a_class", "integer", (c) => c.notNull().defaultTo(0))
          .addColumn("synthetic", "integer", (c) => c.notNull().defaultTo(0))
          .addColumn("code", "text")
          .execute();
        await db.schema.createIndex("units_parent").on("units").column("parent_id").execute();

        await db.schema
          .createTable("consumers")
          .addColumn("account", "text", (c) => c.primaryKey())
          .addColumn("feeder_id", "text", (c) => c.notNull())
          .addColumn("name", "text", (c) => c.notNull())
          .addColumn("name_hi", "text", (c) => c.notNull())
          .addColumn("phone", "text", (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex("consumers_feeder")
          .on("consumers")
          .column("feeder_id")
          .execute();
        await db.schema.createIndex("consumers_phone").on("consumers").column("phone").execute();

        await db.schema
          .createTable("tickets")
          .addColumn("id", serialType, serial)
          .addColumn("number", "text", (c) => c.notNull().unique())
          .addColumn("status", "text", (c) => c.notNull())
          .addColumn("category", "text")
          .addColumn("confidence", "double precision")
          .addColumn("channel", "text", (c) => c.notNull())
          .addColumn("feeder_id", "text")
          .addColumn("path", "text", (c) => c.notNull())
          .addColumn("district_id", "text")
          .addColumn("needs_triage", "integer", (c) => c.notNull())
          .addColumn("sla_state", "text", (c) => c.notNull())
          .addColumn("created_at", "text", (c) => c.notNull())
          .addColumn("due_at", "text")
          .addColumn("at_risk_at", "text")
          .addColumn("updated_at", "text", (c) => c.notNull())
          .addColumn("resolved_at", "text")
          .addColumn("closed_at", "text")
          .addColumn("excerpt", "text", (c) => c.notNull())
          .addColumn("report_count", "integer", (c) => c.notNull())
          .addColumn("assignee_id", "text")
          .addColumn("escalation_level", "integer", (c) => c.notNull().defaultTo(0))
          .addColumn("incident_id", "text")
          .addColumn("consumer_account", "text")
          .addColumn("phone", "text")
          .addColumn("last_seq", "integer", (c) => c.notNull().defaultTo(0))
          .execute();
        await db.schema
          .createIndex("tickets_status")
          .on("tickets")
          .columns(["status", "created_at"])
          .execute();
        await db.schema.createIndex("tickets_feeder").on("tickets").column("feeder_id").execute();
        await db.schema
          .createIndex("tickets_due")
          .on("tickets")
          .columns(["sla_state", "due_at"])
          .execute();
        await db.schema
          .createIndex("tickets_account")
          .on("tickets")
          .column("consumer_account")
          .execute();
        await db.schema.createIndex("tickets_phone").on("tickets").column("phone").execute();

        // One row per (unit on the ticket's path, ticket): "open tickets under unit X" is an index scan.

        await db.schema

          .createTable("ticket_units")

          .addColumn("unit_id", "text", (c) => c.notNull())

          .addColumn("ticket_id", "integer", (c) => c.notNull())

          .addPrimaryKeyConstraint("ticket_units_pk", ["unit_id", "ticket_id"])

          .execute();

        await db.schema
          .createIndex("ticket_units_ticket")
          .on("ticket_units")
          .column("ticket_id")
          .execute();

        await db.schema
          .createTable("reports")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("channel", "text", (c) => c.notNull())
          .addColumn("external_id", "text")
          .addColumn("idempotency_key", "text", (c) => c.unique())
          .addColumn("text", "text", (c) => c.notNull())
          .addColumn("received_at", "text", (c) => c.notNull())
          .addColumn("consumer_account", "text")
          .addColumn("phone", "text")
          .addColumn("lat", "double precision")
          .addColumn("lon", "double precision")
          .addColumn("category_hint", "text")
          .addColumn("officer_id", "text")
          .addColumn("source_url", "text")
          .addColumn("raw", "text")
          .addColumn("ticket_id", "integer", (c) => c.notNull())
          .addColumn("created_at", "text", (c) => c.notNull())
          .addUniqueConstraint("reports_channel_external", ["channel", "external_id"])
          .execute();
        await db.schema.createIndex("reports_ticket").on("reports").column("ticket_id").execute();

        await db.schema
          .createTable("ticket_events")
          .addColumn("seq", serialType, serial)
          .addColumn("ticket_id", "integer", (c) => c.notNull())
          .addColumn("type", "text", (c) => c.notNull())
          .addColumn("at", "text", (c) => c.notNull())
          .addColumn("actor", "text")
          .addColumn("data", "text", (c) => c.notNull())
          .addColumn("path", "text", (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex("events_ticket")
          .on("ticket_events")
          .columns(["ticket_id", "seq"])
          .execute();

        await db.schema
          .createTable("meta")
          .addColumn("key", "text", (c) => c.primaryKey())
          .addColumn("value", "text", (c) => c.notNull())
          .execute();
      },
      async down(db: Kysely<unknown>) {
        for (const t of [
          "meta",
          "ticket_events",
          "reports",
          "ticket_units",
          "tickets",
          "consumers",
          "units",
        ]) {
          await sql`drop table if exists ${sql.table(t)}`.execute(db);
        }
      },
    },
    "0002_lifecycle_and_channels": {
      async up(db: Kysely<unknown>) {
        // Officers own units: JE per substation, SDO per sub-division, XEN per division, SE per circle,
        // CE per zone, MD per discom. A stand-in covers an officer on leave.
        await db.schema
          .createTable("officers")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("unit_id", "text", (c) => c.notNull())
          .addColumn("role", "text", (c) => c.notNull())
          .addColumn("name", "text", (c) => c.notNull())
          .addColumn("name_hi", "text", (c) => c.notNull())
          .addColumn("designation", "text", (c) => c.notNull())
          .addColumn("designation_hi", "text", (c) => c.notNull())
          .addColumn("phone", "text", (c) => c.notNull())
          .addColumn("on_leave", "integer", (c) => c.notNull().defaultTo(0))
          .addColumn("stand_in_id", "text")
          .execute();
        await db.schema
          .createIndex("officers_unit")
          .on("officers")
          .columns(["unit_id", "role"])
          .execute();

        for (const [column, type] of [
          ["otp_hash", "text"],
          ["otp_attempts", "integer"],
          ["resolved_by", "text"],
          ["resolution_note", "text"],
          ["closure", "text"],
          ["confirm_by", "text"],
          ["feedback_resolved", "integer"],
          ["feedback_rating", "integer"],
          ["false_closures", "integer"],
          ["next_escalation_at", "text"],
          ["merged_into", "text"],
          ["first_resolved_at", "text"],
          ["suggested_category", "text"],
        ] as const) {
          await db.schema.alterTable("tickets").addColumn(column, type).execute();
        }
        await db.schema
          .createIndex("tickets_escalation")
          .on("tickets")
          .column("next_escalation_at")
          .execute();
        await db.schema
          .createIndex("tickets_confirm_by")
          .on("tickets")
          .column("confirm_by")
          .execute();
        await db.schema
          .createIndex("tickets_assignee")
          .on("tickets")
          .column("assignee_id")
          .execute();

        // Everything we say to a consumer or an officer goes through this persisted outbox.
        await db.schema
          .createTable("outbox")
          .addColumn("id", serialType, serial)
          .addColumn("ticket_id", "integer")
          .addColumn("channel", "text", (c) => c.notNull())
          .addColumn("recipient", "text", (c) => c.notNull())
          .addColumn("kind", "text", (c) => c.notNull())
          .addColumn("body", "text", (c) => c.notNull())
          .addColumn("status", "text", (c) => c.notNull())
          .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
          .addColumn("next_attempt_at", "text", (c) => c.notNull())
          .addColumn("last_error", "text")
          .addColumn("external_id", "text")
          .addColumn("created_at", "text", (c) => c.notNull())
          .addColumn("updated_at", "text", (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex("outbox_due")
          .on("outbox")
          .columns(["status", "next_attempt_at"])
          .execute();
        await db.schema.createIndex("outbox_external").on("outbox").column("external_id").execute();
        await db.schema.createIndex("outbox_ticket").on("outbox").column("ticket_id").execute();

        // Delivery statuses reported back by a channel (WhatsApp sent/delivered/read/failed), deduped.
        await db.schema
          .createTable("message_statuses")
          .addColumn("external_id", "text", (c) => c.notNull())
          .addColumn("status", "text", (c) => c.notNull())
          .addColumn("at", "text", (c) => c.notNull())
          .addColumn("detail", "text")
          .addPrimaryKeyConstraint("message_statuses_pk", ["external_id", "status"])
          .execute();

        // A short conversation with a consumer on a messaging channel (e.g. asked for a location pin).
        await db.schema
          .createTable("conversations")
          .addColumn("channel", "text", (c) => c.notNull())
          .addColumn("address", "text", (c) => c.notNull())
          .addColumn("ticket_id", "integer", (c) => c.notNull())
          .addColumn("awaiting", "text")
          .addColumn("updated_at", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("conversations_pk", ["channel", "address"])
          .execute();

        await db.schema
          .createTable("incidents")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("feeder_id", "text", (c) => c.notNull())
          .addColumn("substation_id", "text", (c) => c.notNull())
          .addColumn("path", "text", (c) => c.notNull())
          .addColumn("status", "text", (c) => c.notNull())
          .addColumn("started_at", "text", (c) => c.notNull())
          .addColumn("resolved_at", "text")
          .addColumn("report_count", "integer", (c) => c.notNull())
          .addColumn("consumers_affected", "integer", (c) => c.notNull())
          .addColumn("ticket_count", "integer", (c) => c.notNull())
          .addColumn("resolution_note", "text")
          .addColumn("last_seq", "integer", (c) => c.notNull())
          .addColumn("feeders", "text", (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex("incidents_status")
          .on("incidents")
          .columns(["status", "feeder_id"])
          .execute();

        await db.schema
          .createTable("settings")
          .addColumn("key", "text", (c) => c.primaryKey())
          .addColumn("value", "text", (c) => c.notNull())
          .addColumn("updated_at", "text", (c) => c.notNull())
          .execute();
      },
      async down(db: Kysely<unknown>) {
        for (const t of [
          "settings",
          "incidents",
          "conversations",
          "message_statuses",
          "outbox",
          "officers",
        ]) {
          await sql`drop table if exists ${sql.table(t)}`.execute(db);
        }
      },
    },
    "0003_access": accessMigration(dialect),
    "0004_storm_inbox": inboxMigration(dialect),
    "0005_storm_inbox_messages": inboxMessagesMigration(dialect),
    "0005_storm_ticket_indexes": ticketIndexesMigration,
    "0007_cluster_outbox_claim": outboxClaimMigration,
    "0012_inboxclaim_inbox_claim": inboxClaimMigration,
    "0013_storm_sparse_indexes": sparseIndexesMigration,
  };
}

export function migrationProvider(dialect: Dialect): MigrationProvider {
  return {
    async getMigrations() {
      return {
        ...migrations(dialect),
        ...channelMigrations(),
        ...pgMigrations(dialect),
        "0008_notices_outages_and_shutdowns": noticesMigration(dialect),
        ...publicMigrations(),
      };
    },
  };
}
