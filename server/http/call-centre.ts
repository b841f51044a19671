import express, { Router } from "express";
import { UnreadableCsv, importCallCentreCsv } from "../intake/call-centre-csv.js";
import type { ChannelDeps } from "./channels.js";
import { HttpError, route } from "./errors.js";
import { viewerOf } from "./auth.js";
import { authoriseFiling } from "./intake-auth.js";
import { rateLimit } from "./rate-limit.js";

/**
 * POST /api/v1/imports/call-centre: the 1912 call centre's CSV export (text/csv). Answers 200 with
 * `{ imported, duplicates, errors: [{ line, field, message }] }` when any row could be filed (or
 * the file has none), 422 with the same summary when every row was refused, 400 when the file
 * itself cannot be read.
 */
export function callCentreRouter({ intake, log, access, guard }: ChannelDeps): Router {
  const router = Router();
  router.post(
    "/api/v1/imports/call-centre",
    // Imports are costly: a few a minute per signed-in user or key (ASVS 2.4.1).
    rateLimit({ windowMs: 60_000, max: 10, key: (_req, res) => viewerOf(res).actor }),
    express.text({ type: ["text/csv", "text/plain", "application/csv"], limit: "2mb" }),
    route(async (req, res) => {
      const viewer = authoriseFiling(guard, access.keys, req, res, "call_centre");
      if (typeof req.body !== "string")
        throw new HttpError(415, "unsupported_media_type", "send the file as text/csv");
      let summary;
      try {
        summary = await importCallCentreCsv(intake, req.body, viewer.actor);
      } catch (err) {
        if (err instanceof UnreadableCsv) throw new HttpError(400, "unreadable_csv", err.message);
        throw err;
      }
      const filed = summary.imported + summary.duplicates;
      log.info(
        { channel: "call_centre", ...summary, errors: summary.errors.length },
        "call centre CSV imported",
      );
      res.status(filed === 0 && summary.errors.length > 0 ? 422 : 200).json(summary);
    }),
  );
  return router;
}
