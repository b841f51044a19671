import { Router } from "express";
import { z } from "zod";
import { reportInputSchema } from "../../shared/schemas.js";
import { ingestReport, type IntakeContext } from "../intake/ingest.js";
import { presentFiled } from "../tickets/present.js";
import { HttpError, route, validate } from "./errors.js";

const idempotencyKeySchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, "must be printable ASCII without spaces");

/** POST /api/v1/reports: validate -> ingest (commits before answering) -> present. */
export function reportsRouter(ctx: IntakeContext): Router {
  const router = Router();
  router.post(
    "/api/v1/reports",
    route(async (req, res) => {
      if (!req.is("application/json")) {
        throw new HttpError(415, "unsupported_media_type", "send the report as application/json");
      }
      const header = req.get("Idempotency-Key");
      const idempotencyKey =
        header === undefined
          ? null
          : validate(idempotencyKeySchema, header, "Idempotency-Key header");
      const input = validate(reportInputSchema, req.body, "report");
      const filed = await ingestReport(ctx, input, { idempotencyKey, raw: req.body });
      const answer = presentFiled(filed);
      res.status(answer.status).json(answer.body);
    }),
  );
  return router;
}
