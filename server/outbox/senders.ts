import type { Logger } from "pino";
import type { Config } from "../config.js";
import type { Sender } from "./dispatcher.js";
import { messengerSender } from "./messenger-sender.js";
import { parseDltTemplates, smsSender } from "./sms-sender.js";
import { whatsappSender } from "./whatsapp-sender.js";
import { xSender } from "./x-sender.js";

/** The demo's placeholder secret (see config.ts): with it we must not call real APIs. */
const DEMO_SECRET = "demo-not-secret";

/**
 * Senders per outbound channel; a channel without one is recorded by the log sender as "not sent:
 * no gateway configured".
 */
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
  const graph = { apiUrl: config.WHATSAPP_API_URL, version: config.WHATSAPP_GRAPH_VERSION };
  if (config.MESSENGER_PAGE_TOKEN)
    senders.facebook = messengerSender({ ...graph, token: config.MESSENGER_PAGE_TOKEN });
  if (config.INSTAGRAM_TOKEN)
    senders.instagram = messengerSender({ ...graph, token: config.INSTAGRAM_TOKEN });
  if (config.X_DM_TOKEN)
    senders.x = xSender({ apiUrl: config.X_API_URL, token: config.X_DM_TOKEN });
  if (config.SMS_GATEWAY_URL) {
    senders.sms = smsSender({
      url: config.SMS_GATEWAY_URL,
      token: config.SMS_GATEWAY_TOKEN ?? "",
      senderId: config.SMS_SENDER_ID,
      entityId: config.SMS_DLT_ENTITY_ID ?? "",
      templates: parseDltTemplates(config.SMS_DLT_TEMPLATES),
    });
    log.info({ gateway: new URL(config.SMS_GATEWAY_URL).host }, "SMS go out through the gateway");
  }
  return senders;
}
