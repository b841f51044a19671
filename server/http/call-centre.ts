import express, { Router } from "express";
import { UnreadableCsv, importCallCentreCsv } from "../intake/call-centre-csv.js";
import type { ChannelDeps } from "./channels.js";
import { authoriseFiling } from "./intake-auth.js";
import { factsOf, viewerOf } from "./auth.js";
import { rateLimit } from "./rate-limit.js";
import { importJobParamsSchema, type ImportJobView } from "../../shared/imports.js";
import { CALL_CENTRE_CSV } from "../inbox/channels.js";
import type { InboxRow } from "../inbox/inbox.js";
import { HttpError, route, validate } from "./errors.js";

function presentImportJob(row: InboxRow): ImportJobView {
  const s = (row.summary ? JSON.parse(row.summary) : {}) as Partial<
    Pick<ImportJobView, "rowsDone" | "rowsTotal" | "imported" | "duplicates" | "errors">
  >;
  return {
    id: row.id,
    channel: "call_centre",
    status: row.status,
    receivedAt: row.received_at,
    processedAt: row.processed_at,
    rowsDone: s.rowsDone ?? null,
    rowsTotal: s.rowsTotal ?? null,
    imported: s.imported ?? 0,
    duplicates: s.duplicates ?? 0,
    errors: s.errors ?? [],
    error: row.error,
  };
}

/**
 * POST /api/v1/imports/call-centre: the 1912 call centre's CSV export (text/csv). Answers 200 with
 * `{ imported, duplicates, errors: [{ line, field, message }] }` when any row could be filed (or
 * the file has none), 422 with the same summary when every row was refused, 400 when the file
 * itself cannot be read. With `Prefer: respond-async` the file is stored and answered 202 with a
 * job (`Location: /api/v1/imports/:id`), imported in the background with progress and per-line
 * errors; it resumes after a crash (dockets already filed count as duplicates).
 */
export function callCentreRouter({ intake, log, access, guard, imports }: ChannelDeps): Router {
  const router = Router();
  router.get(
    "/api/v1/imports/:id",
    route(async (req, res) => {
      guard.require(req, res, "file");
      const { id } = validate(importJobParamsSchema, req.params, "import job");
      const job = imports ? await imports.job(id, CALL_CENTRE_CSV) : null;
      if (!job) throw new HttpError(404, "not_found", `no import ${id}`);
      res.json({ job: presentImportJob(job) });
    }),
  );
  router.post(
    "/api/v1/imports/call-centre",
    // Imports are costly: a few a minute per signed-in user or key (ASVS 2.4.1).
    rateLimit({ windowMs: 60_000, max: 10, key: (_req, res) => viewerOf(res).actor }),
    express.text({ type: ["text/csv", "text/plain", "application/csv"], limit: "2mb" }),
    route(async (req, res) => {
      const viewer = authoriseFiling(
        guard,
        access.keys,
        viewerOf(res),
        factsOf(req),
        "call_centre",
      );
      if (typeof req.body !== "string")
        throw new HttpError(415, "unsupported_media_type", "send the file as text/csv");
      if (imports && /\brespond-async\b/i.test(req.get("Prefer") ?? "")) {
        // Stored as received and answered at once; the import runs in the background.
        const id = await imports.receive(CALL_CENTRE_CSV, req.body);
        const job = await imports.job(id, CALL_CENTRE_CSV);
        res
          .status(202)
          .location(`/api/v1/imports/${id}`)
          .json({ job: presentImportJob(job!) });
        return;
      }
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
