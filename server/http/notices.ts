import { Router, type Request, type Response } from "express";
import {
  announcementInputSchema,
  shutdownInputSchema,
  shutdownQuerySchema,
  type IncidentNoticesResponse,
  type ShutdownListResponse,
  type ShutdownResponse,
} from "../../shared/notices.js";
import { getIncident } from "../incidents/incidents.js";
import type { NoticeDeps } from "../notices/deps.js";
import { setAnnouncement } from "../notices/outages.js";
import {
  cancelShutdown,
  getShutdown,
  listShutdowns,
  presentShutdowns,
  scheduleShutdown,
  toPlanned,
  touchesUnit,
  unknownFeeders,
} from "../notices/shutdowns.js";
import { incidentNotices } from "../notices/stats.js";
import type { ShutdownRow } from "../notices/schema.js";
import { HttpError, route, validate } from "./errors.js";
import type { Guard } from "./guard.js";

/**
 * Planned shutdowns and outage notices. Shutdowns and notice counts carry no personal data, so
 * whoever may see a unit's summary may list them; scheduling, cancelling and announcing are
 * actions on every feeder or incident concerned, asked of the policy one unit at a time.
 */
export function noticesRouter(deps: NoticeDeps, guard: Guard): Router {
  const router = Router();
  const now = () => deps.clock.now().toISOString();
  const one = async (row: ShutdownRow): Promise<ShutdownResponse> => ({
    shutdown: (await presentShutdowns(deps.db, [toPlanned(row)], now()))[0],
  });
  const incidentFor = async (req: Request, res: Response, ability: "read" | "act") => {
    const id = String(req.params.id);
    const incident = await getIncident(deps.db, id);
    if (!incident) throw new HttpError(404, "not_found", `no incident ${id}`);
    const viewer = guard.requirePath(
      req,
      res,
      ability,
      JSON.parse(incident.path) as string[],
      `incident ${id}`,
    );
    return { id, viewer };
  };

  router.get(
    "/api/v1/shutdowns",
    route(async (req, res) => {
      const q = validate(shutdownQuerySchema, req.query, "query");
      const unit = guard.unit(req, res, "summary", q.unit);
      const current = q.current === "true";
      const all = await listShutdowns(
        { kysely: deps.db },
        // The screen's list: what is not over yet, or everything of the last 30 days and ahead.
        current
          ? { from: now(), newestFirst: true }
          : {
              from: new Date(deps.clock.now().getTime() - 30 * 86_400_000).toISOString(),
              includeCancelled: true,
              newestFirst: true,
            },
      );
      const visible = all.filter((s) => touchesUnit(deps.network, s, unit));
      const body: ShutdownListResponse = {
        shutdowns: await presentShutdowns(deps.db, visible.slice(0, 200), now()),
      };
      res.json(body);
    }),
  );

  router.post(
    "/api/v1/shutdowns",
    route(async (req, res) => {
      const input = validate(shutdownInputSchema, req.body, "shutdown");
      const unknown = unknownFeeders(deps.network, input.feederIds);
      if (unknown.length)
        throw new HttpError(400, "invalid_input", `unknown feeders: ${unknown.join(", ")}`, {
          feederIds: `must be feeders of the network (not ${unknown.slice(0, 5).join(", ")})`,
        });
      // Every feeder must be within the officer's own unit: one outside it refuses the whole request.
      let actor = "";
      for (const feederId of input.feederIds)
        actor = guard.require(req, res, "act", feederId).actor;
      const row = await scheduleShutdown(deps, input, actor);
      res.status(201).json(await one(row));
    }),
  );

  router.post(
    "/api/v1/shutdowns/:id/cancel",
    route(async (req, res) => {
      const id = String(req.params.id);
      const found = await getShutdown(deps.db, id);
      if (!found) throw new HttpError(404, "not_found", `no shutdown ${id}`);
      guard.requirePath(req, res, "act", JSON.parse(found.path) as string[], `shutdown ${id}`);
      const row = await cancelShutdown(deps, id);
      res.json(await one(row));
    }),
  );

  router.get(
    "/api/v1/incidents/:id/notices",
    route(async (req, res) => {
      const { id } = await incidentFor(req, res, "read");
      const body: IncidentNoticesResponse = { notices: await incidentNotices(deps.db, id) };
      res.json(body);
    }),
  );

  router.post(
    "/api/v1/incidents/:id/announcement",
    route(async (req, res) => {
      const input = validate(announcementInputSchema, req.body, "announcement");
      const { id, viewer } = await incidentFor(req, res, "act");
      await setAnnouncement(deps, id, input, viewer.actor);
      const body: IncidentNoticesResponse = { notices: await incidentNotices(deps.db, id) };
      res.json(body);
    }),
  );
  return router;
}
