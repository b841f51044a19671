import express, { Router } from "express";
import { UnreadableCsv, importCallCentreCsv } from "../intake/call-centre-csv.js";
import type { ChannelDeps } from "./channels.js";
import { HttpError, route } from "./errors.js";

/**
 * POST /api/v1/imports/call-centre: the 1912 call centre's CSV export (text/csv). Answers 200 with
 * `{ imported, duplicates, errors: [{ line, field, message }] }` when any row could be filed (or
 * the file has none), 422 with the same summary when every row was refused, 400 when the file
 * itself cannot be read.
 */
export function callCentreRouter({ intake, log }: ChannelDeps): Router {
  const router = Router();
  router.post(
    "/api/v1/imports/call-centre",
    express.text({ type: ["text/csv", "text/plain", "application/csv"], limit: "10mb" }),
    route(async (req, res) => {
      if (typeof req.body !== "string")
        throw new HttpError(415, "unsupported_media_type", "send the file as text/csv");
      let summary;
      try {
        summary = await importCallCentreCsv(intake, req.body);
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
