import { Router } from "express";
import { z } from "zod";
import { listIncidents, presentIncident } from "../incidents/incidents.js";
import { resolveIncident } from "../incidents/commands.js";
import type { Store } from "../store/store.js";
import { TicketError, type TicketContext } from "../tickets/context.js";
import { HttpError, route, validate } from "./errors.js";

const listSchema = z.strictObject({
  unit: z.string().min(1).max(120).optional(),
  status: z.enum(["open", "resolved"]).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
const resolveSchema = z.strictObject({
  note: z.string().trim().min(5, "a resolution note is required (at least 5 characters)").max(2000),
});

export function incidentsRouter(ctx: TicketContext, store: Store): Router {
  const router = Router();
  router.get(
    "/api/v1/incidents",
    route(async (req, res) => {
      const q = validate(listSchema, req.query, "query");
      const rows = await listIncidents(store.kysely, {
        unit: q.unit,
        status: q.status,
        limit: q.limit ?? 100,
      });
      res.json({ incidents: rows.map(presentIncident) });
    }),
  );
  router.post(
    "/api/v1/incidents/:id/resolve",
    route(async (req, res) => {
      const { note } = validate(resolveSchema, req.body, "resolution");
      try {
        const { incident, changes } = await resolveIncident(
          ctx,
          String(req.params.id),
          note,
          req.get("X-Operator")?.slice(0, 80) || "control-room",
        );
        res.json({ incident: presentIncident(incident), ticketsResolved: changes.length });
      } catch (err) {
        if (err instanceof TicketError)
          throw new HttpError(err.status, err.code, err.message, undefined, err.extra);
        throw err;
      }
    }),
  );
  return router;
}
