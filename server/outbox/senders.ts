import type { Logger } from "pino";
import type { Config } from "../config.js";
import type { Sender } from "./dispatcher.js";
import { whatsappSender } from "./whatsapp-sender.js";

/** The demo's placeholder secret (see config.ts): with it we must not call real APIs. */
const DEMO_SECRET = "demo-not-secret";

/** Senders per outbound channel; channels without one are recorded by the log sender. */
export function outboundSenders(config: Config, log: Logger): Partial<Record<string, Sender>> {
  const senders: Partial<Record<string, Sender>> = {};
  // The demo has no WhatsApp account: without a real token its messages are only logged, so a
  // fresh `npm start` never tries to reach graph.facebook.com.
  if (config.WHATSAPP_TOKEN !== DEMO_SECRET) {
    senders.whatsapp = whatsappSender({
      apiUrl: config.WHATSAPP_API_URL,
      version: config.WHATSAPP_GRAPH_VERSION,
      phoneNumberId: config.WHATSAPP_PHONE_NUMBER_ID,
      token: config.WHATSAPP_TOKEN,
    });
    log.info(
      { api: config.WHATSAPP_API_URL, version: config.WHATSAPP_GRAPH_VERSION },
      "WhatsApp messages go out through the Cloud API",
    );
  }
  return senders;
}
