import express, { Router, type Request } from "express";
import { xPasteSchema } from "../../shared/channels.js";
import type { Config } from "../config.js";
import { verifySha256Header } from "../intake/signatures.js";
import { crcResponseToken, filePastedPost, handleXActivity } from "../intake/x/tweets.js";
import { presentFiled } from "../tickets/present.js";
import type { ChannelDeps } from "./channels.js";
import { HttpError, route, validate, BODY_LIMIT } from "./errors.js";
import { rawBody } from "./whatsapp.js";
import { authoriseFiling } from "./intake-auth.js";
import { factsOf, viewerOf } from "./auth.js";

const CRC_TOKEN = /^[A-Za-z0-9+/=_-]{8,128}$/;

/**
 * X's newer header (keyed with the OAuth 2.0 client secret) is checked first when both it and the
 * secret are there; the legacy consumer-secret header is the fallback, as X's docs recommend.
 */
function signedByX(req: Request, raw: Buffer, config: Config): boolean {
  const oauth2 = req.get("X-Twitter-Webhooks-Signature-OAuth2");
  if (oauth2 && config.X_OAUTH2_CLIENT_SECRET) {
    if (verifySha256Header(oauth2, raw, config.X_OAUTH2_CLIENT_SECRET, "base64")) return true;
  }
  return verifySha256Header(
    req.get("x-twitter-webhooks-signature"),
    raw,
    config.X_CONSUMER_SECRET,
    "base64",
  );
}

/**
 * X Account Activity webhooks (CRC and signed deliveries) and the operators' paste of a post that
 * reached the discom some other way. Same policy as WhatsApp: 401 and nothing stored when the
 * signature is wrong; a signed payload we cannot read is logged and answered 200.
 */
export function xRouter({ config, intake, log, access, guard, inbox }: ChannelDeps): Router {
  const router = Router();

  router.get("/webhooks/x", (req, res) => {
    const token = req.query.crc_token;
    // The CRC answer is an HMAC under the same secret that signs deliveries: signing any string
    // would let a caller forge a delivery's signature. X's tokens are short base64-like strings,
    // so only those are signed; anything that could be a JSON body is refused.
    if (typeof token !== "string" || !CRC_TOKEN.test(token)) {
      throw new HttpError(400, "invalid_input", "crc_token must be X's challenge token", {
        crc_token: "must be 8 to 128 letters, digits, '+', '/', '=', '-' or '_'",
      });
    }
    res.status(200).json({ response_token: crcResponseToken(config.X_CONSUMER_SECRET, token) });
  });

  router.post(
    "/webhooks/x",
    express.raw({ type: () => true, limit: "2mb" }),
    route(async (req, res) => {
      const raw = rawBody(req);
      if (!signedByX(req, raw, config)) {
        log.warn({ channel: "x", ip: req.ip }, "webhook signature refused");
        throw new HttpError(
          401,
          "bad_signature",
          "x-twitter-webhooks-signature is missing or wrong",
        );
      }
      if (inbox) {
        // Stored durably as received, answered at once; the inbox worker processes it in order.
        const id = await inbox.receive("x", raw.toString("utf8"));
        res.status(200).json({ received: true, queued: id });
        return;
      }
      let body: unknown;
      try {
        body = JSON.parse(raw.toString("utf8"));
      } catch {
        log.warn({ channel: "x", bytes: raw.length }, "signed webhook is not JSON; ignored");
        res.status(200).json({ received: true, ignored: "not JSON" });
        return;
      }
      const summary = await handleXActivity(intake, log, body);
      if (summary.ignored)
        log.warn(
          { channel: "x", reason: summary.ignored },
          "signed webhook not understood; ignored",
        );
      res.status(200).json({ received: true, ...summary });
    }),
  );

  router.post(
    "/api/v1/reports/x-paste",
    express.json({ limit: BODY_LIMIT }),
    route(async (req, res) => {
      if (!req.is("application/json")) {
        throw new HttpError(415, "unsupported_media_type", "send the post as application/json");
      }
      const paste = validate(xPasteSchema, req.body, "pasted post");
      const viewer = authoriseFiling(guard, access.keys, viewerOf(res), factsOf(req), "x");
      const filed = await filePastedPost(intake, paste, viewer.actor);
      // The filer sees back what they sent.
      const answer = presentFiled(filed, "full");
      res.status(answer.status).json(answer.body);
    }),
  );
  return router;
}
