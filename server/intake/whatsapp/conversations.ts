import type { Kysely, Selectable } from "kysely";
import type { ConversationTable, Database } from "../../store/schema.js";

export type ConversationRow = Selectable<ConversationTable>;

/** What we asked the consumer and are waiting for; null when we asked nothing. */
export type Awaiting = "placement" | null;

/**
 * The latest ticket of each consumer on a messaging channel, and what we asked them. One row per
 * (channel, address): a consumer's reply refers to the last thing we said, not to older tickets.
 */
export async function findConversation(
  db: Kysely<Database>,
  channel: string,
  address: string,
): Promise<ConversationRow | undefined> {
  return db
    .selectFrom("conversations")
    .selectAll()
    .where("channel", "=", channel)
    .where("address", "=", address)
    .executeTakeFirst();
}

export async function saveConversation(
  db: Kysely<Database>,
  row: { channel: string; address: string; ticketId: number; awaiting: Awaiting; at: string },
): Promise<void> {
  const values = {
    channel: row.channel,
    address: row.address,
    ticket_id: row.ticketId,
    awaiting: row.awaiting,
    updated_at: row.at,
  };
  await db
    .insertInto("conversations")
    .values(values)
    .onConflict((oc) =>
      oc
        .columns(["channel", "address"])
        .doUpdateSet({ ticket_id: row.ticketId, awaiting: row.awaiting, updated_at: row.at }),
    )
    .execute();
}

/**
 * Runs work for one address at a time, in arrival order, so two messages from the same consumer
 * delivered at once (Meta may send concurrent POSTs) cannot both read the conversation before
 * either writes it. In-process only: a cluster would need a row lock instead.
 */
export class PerAddressQueue {
  private tails = new Map<string, Promise<unknown>>();

  run<T>(address: string, work: () => Promise<T>): Promise<T> {
    const prev = this.tails.get(address) ?? Promise.resolve();
    const next = prev.then(work, work);
    const tail = next.catch(() => undefined);
    this.tails.set(address, tail);
    void tail.then(() => {
      if (this.tails.get(address) === tail) this.tails.delete(address);
    });
    return next;
  }
}
