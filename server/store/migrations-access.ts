import { sql, type Kysely, type Migration } from "kysely";
import type { Dialect } from "./migrations.js";
import { serialKey } from "./serial-key.js";

/** 0003: sign-ins, sessions, API keys and the audit log (see server/access/). */
export function accessMigration(dialect: Dialect): Migration {
  const { serialType, serial } = serialKey(dialect);
  return {
    async up(db: Kysely<unknown>) {
      // Sign-ins: one role bound to one unit each; an officer's sign-in names its officer row.
      await db.schema
        .createTable("users")
        .addColumn("id", serialType, serial)
        .addColumn("username", "text", (c) => c.notNull().unique())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("role", "text", (c) => c.notNull())
        .addColumn("unit_id", "text", (c) => c.notNull())
        .addColumn("officer_id", "text")
        .addColumn("password_hash", "text", (c) => c.notNull())
        .addColumn("disabled", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("demo", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("last_sign_in_at", "text")
        .execute();
      // Server-side sessions: the cookie holds a random token; only its SHA-256 is stored.
      await db.schema
        .createTable("sessions")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("user_id", "integer", (c) => c.notNull())
        .addColumn("csrf_token", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("last_seen_at", "text", (c) => c.notNull())
        .addColumn("address", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("sessions_user").on("sessions").column("user_id").execute();
      await db.schema
        .createTable("api_keys")
        .addColumn("id", serialType, serial)
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("prefix", "text", (c) => c.notNull())
        .addColumn("key_hash", "text", (c) => c.notNull().unique())
        .addColumn("channels", "text", (c) => c.notNull())
        .addColumn("rate_per_minute", "integer", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("created_by", "text", (c) => c.notNull())
        .addColumn("revoked_at", "text")
        .addColumn("last_used_at", "text")
        .execute();
      await db.schema
        .createTable("audit_log")
        .addColumn("id", serialType, serial)
        .addColumn("at", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("actor", "text", (c) => c.notNull())
        .addColumn("address", "text", (c) => c.notNull())
        .addColumn("detail", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("audit_kind").on("audit_log").columns(["kind", "id"]).execute();
      await db.schema.createIndex("audit_actor").on("audit_log").columns(["actor", "id"]).execute();
    },
    async down(db: Kysely<unknown>) {
      for (const t of ["audit_log", "api_keys", "sessions", "users"]) {
        await sql`drop table if exists ${sql.table(t)}`.execute(db);
      }
    },
  };
}
