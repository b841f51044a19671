import type { Logger } from "pino";
import type { IntakeContext } from "../intake/ingest.js";
import { whatsappPerMessage } from "../intake/whatsapp/per-message.js";
import { handleXActivity } from "../intake/x/tweets.js";
import {
  importCallCentreCsv,
  UnreadableCsv,
  type ImportProgress,
} from "../intake/call-centre-csv.js";
import type { Inbox } from "./inbox.js";

/** The inbox channel of background 1912 CSV imports. */
export const CALL_CENTRE_CSV = "call_centre_csv";
/** The channels whose webhook deliveries go through the inbox, in one lane. */
export const WEBHOOK_LANE = ["whatsapp", "x"];

/**
 * Which channel's processing the inbox worker runs for a stored delivery: the same functions the
 * routes used to call before answering, fed the raw body that was signed.
 */
export function registerInboxChannels(
  inbox: Inbox,
  imports: Inbox,
  intake: IntakeContext,
  log: Logger,
): void {
  // WhatsApp batches up to 1,000 messages in a delivery: each is processed, and fails, on its own.
  inbox.handleMessages("whatsapp", whatsappPerMessage(intake, log));
  inbox.handle("x", async (body) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return { ignored: "not JSON" };
    }
    return handleXActivity(intake, log, parsed);
  });
  imports.handle(CALL_CENTRE_CSV, async (body, progress, saved) => {
    try {
      // After kill -9 the import goes on after the rows its saved progress counts.
      const summary = await importCallCentreCsv(
        intake,
        body,
        "system:import-job",
        (rowsDone, rowsTotal, partial) => progress({ ...partial, rowsDone, rowsTotal }),
        saved as ImportProgress | null,
      );
      const rowsTotal = summary.imported + summary.duplicates + summary.errors.length;
      log.info(
        { channel: "call_centre", ...summary, errors: summary.errors.length },
        "call centre CSV imported in the background",
      );
      return { ...summary, rowsDone: rowsTotal, rowsTotal };
    } catch (err) {
      if (err instanceof UnreadableCsv) return { ignored: err.message };
      throw err;
    }
  });
}
