import type { ClaimedDelivery } from "./claims.js";
import { ClaimLost } from "./claims.js";
import { MAX_ATTEMPTS, RETRY_MS, type DeliveryHandler, type MessageHandler } from "./handlers.js";
import { processMessages } from "./windows.js";
import { Interrupted, renewed, writeClaimed, type Worker } from "./worker.js";

type Done = (status: "done" | "failed", error: string | null, summary: unknown) => Promise<void>;

/**
 * Processes a delivery this node has claimed, through its channel's handler, and records the
 * outcome; false when it should be tried again later.
 */
export async function processClaimed(
  w: Worker,
  row: ClaimedDelivery,
  handlers: { whole?: DeliveryHandler; perMessage?: MessageHandler },
): Promise<boolean> {
  try {
    return await processDelivery(w, row, handlers);
  } catch (err) {
    if (!(err instanceof ClaimLost)) throw err;
    // Our claim lapsed and another node took the delivery over: it finishes it, not us.
    w.log.warn({ inbox: row.id, channel: row.channel }, "inbox: claim lost; left to its node");
    return true;
  }
}

async function processDelivery(
  w: Worker,
  row: ClaimedDelivery,
  { whole, perMessage }: { whole?: DeliveryHandler; perMessage?: MessageHandler },
): Promise<boolean> {
  const done: Done = (status, error, summary) =>
    writeClaimed(w, row.id, {
      status,
      error,
      summary: summary === null ? null : JSON.stringify(summary),
      attempts: row.attempts + 1,
      processed_at: w.now().toISOString(),
      claimed_by: null,
      claimed_until: null,
    });
  if (perMessage) {
    try {
      const outcome = await processMessages(w, row, perMessage);
      if ("ignored" in outcome) {
        notUnderstood(w, row, outcome.ignored);
        await done("failed", outcome.ignored, null);
      } else {
        const error = outcome.failed ? `${outcome.failed} message(s) could not be processed` : null;
        await done("done", error, outcome);
      }
      return true;
    } catch (err) {
      return failedForNow(w, row, err, done);
    }
  }
  if (!whole) {
    await done("failed", `no handler for channel ${row.channel}`, null);
    return true;
  }
  const progress = (summary: object) =>
    writeClaimed(w, row.id, { summary: JSON.stringify(summary), ...renewed(w) });
  try {
    const saved = row.summary ? (JSON.parse(row.summary) as object) : null;
    const summary = await whole(row.body, progress, saved);
    if (summary.ignored) {
      notUnderstood(w, row, summary.ignored);
      await done("failed", summary.ignored, summary);
    } else await done("done", null, summary);
    return true;
  } catch (err) {
    return failedForNow(w, row, err, done);
  }
}

function notUnderstood(w: Worker, row: ClaimedDelivery, reason: string): void {
  w.log.warn({ inbox: row.id, channel: row.channel, reason }, "inbox: delivery not understood");
}

/** A delivery that threw: tried again later from where it got to, or given up after a few tries. */
async function failedForNow(
  w: Worker,
  row: ClaimedDelivery,
  err: unknown,
  done: Done,
): Promise<boolean> {
  if (err instanceof ClaimLost) throw err;
  if (err instanceof Interrupted) {
    // This node is shutting down: the delivery is handed back at once, not counted as a try,
    // and the next node to claim it goes on from its saved progress.
    await writeClaimed(w, row.id, { claimed_by: null, claimed_until: null });
    return true;
  }
  const message = err instanceof Error ? err.message : String(err);
  if (row.attempts + 1 >= MAX_ATTEMPTS) {
    w.log.error({ inbox: row.id, channel: row.channel, err }, "inbox: delivery given up");
    await done("failed", message, null);
    return true;
  }
  w.log.warn({ inbox: row.id, channel: row.channel, err }, "inbox: delivery will be retried");
  // Still ours until the retry is due: no other node retries it sooner.
  await writeClaimed(w, row.id, {
    attempts: row.attempts + 1,
    error: message,
    claimed_until: new Date(w.now().getTime() + RETRY_MS).toISOString(),
  });
  return false;
}
