import type { IncidentRow } from "../store/schema.js";
import type { EventRow, TicketRow } from "../store/store.js";

/** One committed change to a ticket: its row before and after, and the events it wrote. */
export interface TicketChange {
  seq: number;
  before: TicketRow | null;
  after: TicketRow;
  events: EventRow[];
  /** The incident this change raised, grew or resolved, as it now is. */
  incident?: IncidentRow;
}

/**
 * Carries committed changes from the commands to the projections and the live module. The local
 * bus calls subscribers synchronously, in order; a cluster bus (Redis) delivers the same messages
 * to every node.
 */
export interface EventBus {
  publish(change: TicketChange): void;
  subscribe(handler: (change: TicketChange) => void): () => void;
  close(): Promise<void>;
}

/** Where a subscriber's failure is reported; the default writes one log line. */
export type BusErrorReporter = (err: unknown, change: TicketChange) => void;

const logListenerError: BusErrorReporter = (err, change) =>
  console.error(
    `event bus: a listener failed on change seq ${change.seq}:`,
    err instanceof Error ? (err.stack ?? err.message) : err,
  );

export class LocalBus implements EventBus {
  private handlers: Array<(change: TicketChange) => void> = [];

  constructor(private readonly onListenerError: BusErrorReporter = logListenerError) {}

  /**
   * Every subscriber hears every change even when one of them throws: the publisher is the
   * ticket writer, and an exception escaping here would leave its callers' requests unanswered.
   */
  publish(change: TicketChange): void {
    for (const h of this.handlers) {
      try {
        h(change);
      } catch (err) {
        this.onListenerError(err, change);
      }
    }
  }

  subscribe(handler: (change: TicketChange) => void): () => void {
    this.handlers.push(handler);
    return () => {
      this.handlers = this.handlers.filter((h) => h !== handler);
    };
  }

  async close(): Promise<void> {
    this.handlers = [];
  }
}
