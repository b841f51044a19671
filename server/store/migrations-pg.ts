import { sql, type Kysely, type Migration } from "kysely";
import type { Dialect } from "./migrations.js";

/** What a row points at: each (table, column) must name an existing row of (references, id). */
const FOREIGN_KEYS = [
  { table: "reports", column: "ticket_id", references: "tickets" },
  { table: "ticket_events", column: "ticket_id", references: "tickets" },
  { table: "ticket_units", column: "ticket_id", references: "tickets" },
  { table: "conversations", column: "ticket_id", references: "tickets" },
  { table: "outbox", column: "ticket_id", references: "tickets" },
  { table: "sessions", column: "user_id", references: "users" },
] as const;

/**
 * The PostgreSQL store's additions (issue 12), in their own file so they merge cleanly beside
 * other migrations. Append new ones; never edit one that has shipped.
 */
export function pgMigrations(dialect: Dialect): Record<string, Migration> {
  return {
    // The references the code has always kept, now enforced by PostgreSQL, so a bug or a hand-made
    // fix cannot leave an event, report or session pointing at nothing. SQLite cannot add a
    // constraint to an existing table without rebuilding it (and every table's rows), so there
    // this migration does nothing; there one process writes through the same commands.
    "0006_pg_foreign_keys": {
      async up(db: Kysely<unknown>) {
        if (dialect !== "postgres") return;
        for (const fk of FOREIGN_KEYS)
          await db.schema
            .alterTable(fk.table)
            .addForeignKeyConstraint(`${fk.table}_${fk.column}_fk`, [fk.column], fk.references, [
              "id",
            ])
            .execute();
      },
      async down(db: Kysely<unknown>) {
        if (dialect !== "postgres") return;
        for (const fk of FOREIGN_KEYS)
          await sql`alter table ${sql.table(fk.table)} drop constraint if exists ${sql.id(`${fk.table}_${fk.column}_fk`)}`.execute(
            db,
          );
      },
    },
    // A new ticket's row is written once, after its events (store/tx.ts reserveTicketId), so the
    // references to it are checked when the transaction commits rather than row by row. They are
    // still checked: a commit that leaves one pointing at nothing fails whole.
    "0013_pg_ticket_references_deferred": {
      async up(db: Kysely<unknown>) {
        if (dialect !== "postgres") return;
        for (const fk of FOREIGN_KEYS)
          if (fk.references === "tickets")
            await sql`alter table ${sql.table(fk.table)} alter constraint ${sql.id(`${fk.table}_${fk.column}_fk`)} deferrable initially deferred`.execute(
              db,
            );
      },
      async down(db: Kysely<unknown>) {
        if (dialect !== "postgres") return;
        for (const fk of FOREIGN_KEYS)
          if (fk.references === "tickets")
            await sql`alter table ${sql.table(fk.table)} alter constraint ${sql.id(`${fk.table}_${fk.column}_fk`)} not deferrable`.execute(
              db,
            );
      },
    },
  };
}
