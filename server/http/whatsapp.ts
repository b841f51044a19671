import express, { Router, type Request } from "express";
import type { ChannelDeps } from "./channels.js";
import { safeEqual, verifySha256Header } from "../intake/signatures.js";
import { whatsappWebhook } from "../intake/whatsapp/webhook.js";
import { HttpError, route } from "./errors.js";

/** Meta batches up to 1000 messages in one delivery. */
const BODY_LIMIT = "5mb";

/** The raw bytes of the body (signatures are over exactly these, never re-serialised JSON). */
export function rawBody(req: Request): Buffer {
  return Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
}

/**
 * WhatsApp Business Cloud API webhooks: the verification handshake and signed deliveries.
 * A delivery is stored before it is answered 200 (with the inbox on, stored as received and
 * processed after the answer); a wrong or missing signature is answered 401
 * and stores nothing. A correctly signed payload we cannot read is logged and answered 200:
 * Meta would redeliver the same bytes for 36 hours and they would fail the same way.
 */
export function whatsappRouter({ config, intake, log, inbox, metrics }: ChannelDeps): Router {
  const router = Router();
  const handle = whatsappWebhook(intake, log, {
    onError: (code) =>
      metrics.channelErrors.inc({ channel: "whatsapp", code: String(code ?? "none") }),
  });

  router.get("/webhooks/whatsapp", (req, res) => {
    const mode = req.query["hub.mode"];
    const token = req.query["hub.verify_token"];
    const challenge = req.query["hub.challenge"];
    const ok =
      mode === "subscribe" &&
      typeof token === "string" &&
      safeEqual(token, config.WHATSAPP_VERIFY_TOKEN) &&
      typeof challenge === "string" &&
      challenge.length > 0 &&
      challenge.length <= 512;
    if (!ok) {
      log.warn({ channel: "whatsapp", ip: req.ip }, "webhook verification refused");
      res.status(403).type("text/plain").send("verification failed");
      return;
    }
    // Echoed verbatim as plain text; nosniff stops a browser from reading it as anything else.
    res.status(200).set("X-Content-Type-Options", "nosniff").type("text/plain").send(challenge);
  });

  router.post(
    "/webhooks/whatsapp",
    express.raw({ type: () => true, limit: BODY_LIMIT }),
    route(async (req, res) => {
      const raw = rawBody(req);
      const signature = req.get("X-Hub-Signature-256");
      if (!verifySha256Header(signature, raw, config.WHATSAPP_APP_SECRET, "hex")) {
        log.warn(
          { channel: "whatsapp", ip: req.ip, signed: signature !== undefined },
          "webhook signature refused",
        );
        throw new HttpError(401, "bad_signature", "X-Hub-Signature-256 is missing or wrong");
      }
      if (inbox) {
        // Stored durably as received, answered at once; the inbox worker processes it in order.
        const id = await inbox.receive("whatsapp", raw.toString("utf8"));
        res.status(200).json({ received: true, queued: id });
        return;
      }
      let body: unknown;
      try {
        body = JSON.parse(raw.toString("utf8"));
      } catch {
        log.warn({ channel: "whatsapp", bytes: raw.length }, "signed webhook is not JSON; ignored");
        res.status(200).json({ received: true, ignored: "not JSON" });
        return;
      }
      const summary = await handle(body);
      if (summary.ignored)
        log.warn(
          { channel: "whatsapp", reason: summary.ignored },
          "signed webhook not understood; ignored",
        );
      res.status(200).json({ received: true, ...summary });
    }),
  );
  return router;
}
