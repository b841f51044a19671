import { Router } from "express";
import { z } from "zod";
import { getIncident, listIncidents, presentIncident } from "../incidents/incidents.js";
import type { Guard } from "./guard.js";
import { resolveIncident } from "../incidents/commands.js";
import type { Store } from "../store/store.js";
import type { TicketContext } from "../tickets/context.js";
import { HttpError, route, validate } from "./errors.js";

const listSchema = z.strictObject({
  unit: z.string().min(1).max(120).optional(),
  status: z.enum(["open", "resolved"]).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
const resolveSchema = z.strictObject({
  note: z.string().trim().min(5, "a resolution note is required (at least 5 characters)").max(2000),
});

export function incidentsRouter(ctx: TicketContext, store: Store, guard: Guard): Router {
  const router = Router();
  router.get(
    "/api/v1/incidents",
    route(async (req, res) => {
      const q = validate(listSchema, req.query, "query");
      // Outages are counts and places, no personal data: anyone who may see the unit's summary.
      const unit = guard.unit(req, res, "summary", q.unit);
      const rows = await listIncidents(store.kysely, {
        unit,
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
      const id = String(req.params.id);
      const found = await getIncident(store.kysely, id);
      if (!found) throw new HttpError(404, "not_found", `no incident ${id}`);
      const viewer = guard.requirePath(
        req,
        res,
        "act",
        JSON.parse(found.path) as string[],
        `incident ${id}`,
      );
      const { incident, ticketsResolved } = await resolveIncident(ctx, id, note, viewer.actor);
      res.json({ incident: presentIncident(incident), ticketsResolved });
    }),
  );
  return router;
}
