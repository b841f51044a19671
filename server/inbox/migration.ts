import type { ColumnDefinitionBuilder, Kysely, Migration } from "kysely";
import type { Dialect } from "../store/migrations.js";

/** The webhook inbox: each channel delivery as received, then its processing outcome. */
export function inboxMigration(dialect: Dialect): Migration {
  const serialType = dialect === "postgres" ? "bigserial" : "integer";
  const serial = (c: ColumnDefinitionBuilder) =>
    dialect === "postgres" ? c.primaryKey() : c.primaryKey().autoIncrement();
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
