import { Router } from "express";
import { z } from "zod";
import { reportInputSchema } from "../../shared/schemas.js";
import { ingestReport, type IntakeContext } from "../intake/ingest.js";
import { presentFiled } from "../tickets/present.js";
import type { ApiKeys } from "../access/keys.js";
import { route, validate } from "./errors.js";
import type { Guard } from "./guard.js";
import { authoriseFiling } from "./intake-auth.js";
import { readJsonBody, sendSmallJson } from "./json-body.js";

const idempotencyKeySchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, "must be printable ASCII without spaces");

/** POST /api/v1/reports: validate -> authorise (user or key) -> ingest (commits before answering) -> present. */
export function reportsRouter(ctx: IntakeContext, guard: Guard, keys: ApiKeys): Router {
  const router = Router();
  router.post(
    "/api/v1/reports",
    route(async (req, res) => {
      const body = await readJsonBody(req);
      const header = req.get("Idempotency-Key");
      const idempotencyKey =
        header === undefined
          ? null
          : validate(idempotencyKeySchema, header, "Idempotency-Key header");
      const input = validate(reportInputSchema, body, "report");
      const viewer = authoriseFiling(guard, keys, req, res, input.channel);
      const filed = await ingestReport(ctx, input, {
        idempotencyKey,
        raw: body,
        actor: viewer.actor,
      });
      // The filer sees back what they sent.
      const answer = presentFiled(filed, "full");
      sendSmallJson(res, answer.status, answer.body);
    }),
  );
  return router;
}
