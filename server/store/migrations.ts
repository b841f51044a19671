import {
  sql,
  type ColumnDefinitionBuilder,
  type Kysely,
  type Migration,
  type MigrationProvider,
} from "kysely";

export type Dialect = "sqlite" | "postgres";

/**
 * Migrations live in code so the store creates and upgrades itself at start, on SQLite and
 * PostgreSQL alike. Append new ones; never edit one that has shipped.
 */
function migrations(dialect: Dialect): Record<string, Migration> {
  // An increasing integer key: SQLite's AUTOINCREMENT never reuses a value; PostgreSQL uses a sequence.
  const serialType = dialect === "postgres" ? "bigserial" : "integer";
  const serial = (c: ColumnDefinitionBuilder) =>
    dialect === "postgres" ? c.primaryKey() : c.primaryKey().autoIncrement();
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
  };
}

export function migrationProvider(dialect: Dialect): MigrationProvider {
  return {
    async getMigrations() {
      return migrations(dialect);
    },
  };
}
