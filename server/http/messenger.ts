import express, { Router } from "express";
import { safeEqual, verifySha256Header } from "../intake/signatures.js";
import { messagingWebhook } from "../intake/messenger/inbound.js";
import { parseMessagingDelivery, type MessagingChannel } from "../intake/messenger/read.js";
import type { ChannelDeps } from "./channels.js";
import { HttpError, route } from "./errors.js";
import { rawBody } from "./whatsapp.js";

/**
 * Facebook Messenger (`/webhooks/facebook`, object "page") and Instagram messaging
 * (`/webhooks/instagram`, object "instagram"): the same Meta app as WhatsApp, so the same verify
 * token and the same X-Hub-Signature-256 check with the app secret. 401 and nothing stored for a
 * wrong signature; a signed payload we cannot read is logged and answered 200.
 */
export function messengerRouter({ config, intake, log }: ChannelDeps): Router {
  const router = Router();
  const handle = messagingWebhook(intake, log);
  for (const channel of ["facebook", "instagram"] as MessagingChannel[]) {
    const path = `/webhooks/${channel}`;
    router.get(path, (req, res) => {
      const token = req.query["hub.verify_token"];
      const challenge = req.query["hub.challenge"];
      if (
        req.query["hub.mode"] !== "subscribe" ||
        typeof token !== "string" ||
        !safeEqual(token, config.WHATSAPP_VERIFY_TOKEN) ||
        typeof challenge !== "string" ||
        challenge.length === 0 ||
        challenge.length > 512
      ) {
        log.warn({ channel, ip: req.ip }, "webhook verification refused");
        res.status(403).type("text/plain").send("verification failed");
        return;
      }
      res.status(200).set("X-Content-Type-Options", "nosniff").type("text/plain").send(challenge);
    });
    router.post(
      path,
      express.raw({ type: () => true, limit: "5mb" }),
      route(async (req, res) => {
        const raw = rawBody(req);
        const signature = req.get("X-Hub-Signature-256");
        if (!verifySha256Header(signature, raw, config.WHATSAPP_APP_SECRET, "hex")) {
          log.warn(
            { channel, ip: req.ip, signed: signature !== undefined },
            "webhook signature refused",
          );
          throw new HttpError(401, "bad_signature", "X-Hub-Signature-256 is missing or wrong");
        }
        let body: unknown;
        try {
          body = JSON.parse(raw.toString("utf8"));
        } catch {
          log.warn({ channel, bytes: raw.length }, "signed webhook is not JSON; ignored");
          res.status(200).json({ received: true, ignored: "not JSON" });
          return;
        }
        const delivery = parseMessagingDelivery(body);
        if (!delivery.ok || delivery.channel !== channel) {
          const reason = delivery.ok ? `object is for ${delivery.channel}` : delivery.reason;
          log.warn({ channel, reason }, "signed webhook not understood; ignored");
          res.status(200).json({ received: true, ignored: reason });
          return;
        }
        const summary = await handle(channel, delivery.events);
        res.status(200).json({ received: true, ...summary });
      }),
    );
  }
  return router;
}
