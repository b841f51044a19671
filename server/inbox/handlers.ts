import type { Selectable } from "kysely";
import type { InboxTable } from "../store/schema.js";

/**
 * Turns one stored delivery into reports with the channel's own processing. Throwing means
 * "could not be processed now" (retried a few times); a delivery it cannot read is answered with
 * `{ ignored }` and recorded as failed at once.
 */
export type DeliveryHandler = (
  body: string,
  /** Records how far it has got (shown while the delivery is processed, e.g. a CSV import). */
  progress: (summary: object) => Promise<void>,
  /** The last progress recorded, when an earlier attempt was interrupted (resume after it). */
  saved: object | null,
) => Promise<{ ignored?: string } & object>;

/**
 * A channel whose deliveries carry many messages (WhatsApp batches up to 1,000): each message is
 * processed, and may fail, on its own.
 */
export interface MessageHandler {
  /** Reads a delivery into its messages, in order; `ignored` when it cannot be read at all. */
  split(body: string): { messages: unknown[] } | { ignored: string };
  /** Messages with the same key (one consumer) are processed in order; others side by side. */
  keyOf(message: unknown): string;
  /**
   * Processes one message idempotently. A storage fault means "try the delivery again later, from
   * here"; any other error is the message's own: recorded with it, never retried.
   */
  process(message: unknown): Promise<void>;
}

export type InboxRow = Pick<
  Selectable<InboxTable>,
  "id" | "channel" | "status" | "received_at" | "processed_at" | "summary" | "error"
>;

/** A delivery that keeps throwing is given up after this many tries (recorded with its error). */
export const MAX_ATTEMPTS = 3;
/** A delivery that failed for now stays claimed by its node this long, then is tried again. */
export const RETRY_MS = 1000;
/**
 * Messages of one delivery in flight together: their reports share group commits (the ticket
 * writer's), and the delivery's progress is saved after each window.
 */
export const WINDOW = 64;
