import type { Kysely, Migration } from "kysely";

/**
 * The channels' additions (issue 13), kept in their own file so they merge cleanly beside other
 * migrations. Append new ones; never edit one that has shipped.
 */
export function channelMigrations(): Record<string, Migration> {
  return {
    "0005_channels_outbox_and_contacts": {
      async up(db: Kysely<unknown>) {
        // How a message goes out on its channel: plain text, a WhatsApp template (outside the 24-hour
        // window) or interactive buttons (inside it); `payload` is the channel's JSON for the latter two.
        await db.schema.alterTable("outbox").addColumn("format", "text").execute();
        await db.schema.alterTable("outbox").addColumn("payload", "text").execute();
        // A reply to one inbound message is queued once however often the channel redelivers it.
        await db.schema.alterTable("outbox").addColumn("dedupe_key", "text").execute();
        await db.schema
          .createIndex("outbox_dedupe")
          .unique()
          .on("outbox")
          .column("dedupe_key")
          .execute();

        // The last time a consumer wrote to us on each channel, and in which language: it decides the
        // 24-hour window, the language of our replies and which channel "the one they used last" is.
        await db.schema
          .createTable("channel_contacts")
          .addColumn("channel", "text", (c) => c.notNull())
          .addColumn("address", "text", (c) => c.notNull())
          .addColumn("phone", "text")
          .addColumn("language", "text")
          .addColumn("last_inbound_at", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("channel_contacts_pk", ["channel", "address"])
          .execute();
        await db.schema
          .createIndex("channel_contacts_phone")
          .on("channel_contacts")
          .columns(["phone", "last_inbound_at"])
          .execute();

        // Each officer's choice of channel for notices: sms (default) or whatsapp.
        await db.schema.alterTable("officers").addColumn("notify_by", "text").execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.dropTable("channel_contacts").ifExists().execute();
        await db.schema.dropIndex("outbox_dedupe").ifExists().execute();
        await db.schema.alterTable("outbox").dropColumn("dedupe_key").execute();
        await db.schema.alterTable("outbox").dropColumn("payload").execute();
        await db.schema.alterTable("outbox").dropColumn("format").execute();
        await db.schema.alterTable("officers").dropColumn("notify_by").execute();
      },
    },
  };
}
