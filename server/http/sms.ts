import express, { Router } from "express";
import { smsDeliveryReportSchema } from "../../shared/channels.js";
import { verifySha256Header } from "../intake/signatures.js";
import { recordDeliveryStatus } from "../intake/whatsapp/statuses.js";
import type { ChannelDeps } from "./channels.js";
import { HttpError, route } from "./errors.js";
import { rawBody } from "./whatsapp.js";

/**
 * The SMS gateway's delivery reports: `POST /webhooks/sms/status`, JSON `{ id, status, at?, error? }`
 * signed with `X-Gateway-Signature: sha256=<hex HMAC-SHA256(SMS_STATUS_SECRET, raw body)>`.
 * A report moves the outbox row of that gateway message id to delivered or failed (never back).
 */
export function smsRouter({ config, intake, log }: ChannelDeps): Router {
  const router = Router();
  router.post(
    "/webhooks/sms/status",
    express.raw({ type: () => true, limit: "256kb" }),
    route(async (req, res) => {
      const raw = rawBody(req);
      const secret = config.SMS_STATUS_SECRET;
      if (!secret || !verifySha256Header(req.get("X-Gateway-Signature"), raw, secret, "hex")) {
        log.warn({ channel: "sms", ip: req.ip }, "SMS delivery report signature refused");
        throw new HttpError(401, "bad_signature", "X-Gateway-Signature is missing or wrong");
      }
      let body: unknown;
      try {
        body = JSON.parse(raw.toString("utf8"));
      } catch {
        throw new HttpError(400, "invalid_input", "the body is not JSON", { body: "must be JSON" });
      }
      const parsed = smsDeliveryReportSchema.safeParse(body);
      if (!parsed.success) {
        const fields = Object.fromEntries(
          parsed.error.issues.map((i) => [i.path.join(".") || "body", i.message]),
        );
        throw new HttpError(400, "invalid_input", "not a delivery report", fields);
      }
      const r = parsed.data;
      const recorded = await recordDeliveryStatus(intake.store.kysely, "sms", {
        id: r.id,
        status: r.status,
        at: r.at ? new Date(r.at).toISOString() : intake.clock.now().toISOString(),
        detail: r.error ?? null,
      });
      res.status(200).json({ received: true, recorded });
    }),
  );
  return router;
}
