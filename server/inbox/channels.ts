import type { Logger } from "pino";
import type { IntakeContext } from "../intake/ingest.js";
import { whatsappWebhook } from "../intake/whatsapp/webhook.js";
import { handleXActivity } from "../intake/x/tweets.js";
import type { Inbox } from "./inbox.js";

/**
 * Which channel's processing the inbox worker runs for a stored delivery: the same functions the
 * routes used to call before answering, fed the raw body that was signed.
 */
export function registerInboxChannels(inbox: Inbox, intake: IntakeContext, log: Logger): void {
  const whatsapp = whatsappWebhook(intake, log);
  inbox.handle("whatsapp", async (body) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return { ignored: "not JSON" };
    }
    return whatsapp(parsed);
  });
  inbox.handle("x", async (body) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return { ignored: "not JSON" };
    }
    return handleXActivity(intake, log, parsed);
  });
}
