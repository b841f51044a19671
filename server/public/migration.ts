import type { Kysely, Migration } from "kysely";

/**
 * The public page's additions (issue 15, items 3 and 4), in their own file so they merge cleanly
 * beside other migrations. Append new ones; never edit one that has shipped. Text and integer
 * columns only, so the same definition holds on SQLite and PostgreSQL.
 */
export function publicMigrations(): Record<string, Migration> {
  return {
    "0009_public_contacts": {
      async up(db: Kysely<unknown>) {
        // Officers whose phone number an administrator chose to publish ("who to call"). A row of
        // its own, not a column on officers, so re-importing the officer list keeps the choice.
        await db.schema
          .createTable("public_officer_phones")
          .addColumn("officer_id", "text", (c) => c.primaryKey())
          .addColumn("published_by", "text", (c) => c.notNull())
          .addColumn("published_at", "text", (c) => c.notNull())
          .execute();
        // The local fuse-call (complaint) centre's number of a unit (a sub-division or division).
        await db.schema
          .createTable("fuse_call_centres")
          .addColumn("unit_id", "text", (c) => c.primaryKey())
          .addColumn("phone", "text", (c) => c.notNull())
          .addColumn("updated_by", "text", (c) => c.notNull())
          .addColumn("updated_at", "text", (c) => c.notNull())
          .execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.dropTable("fuse_call_centres").ifExists().execute();
        await db.schema.dropTable("public_officer_phones").ifExists().execute();
      },
    },
  };
}
