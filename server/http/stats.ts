import { Router, type Request, type Response } from "express";
import { z } from "zod";
import type { Clock } from "../clock/clock.js";
import type { Network } from "../network/loaded-network.js";
import type { Projections } from "../projections/counts.js";
import { hourly, slaDaily, worst } from "../stats/charts.js";
import { searchUnits, unitChildren } from "../stats/children.js";
import { summary } from "../stats/summary.js";
import type { Store } from "../store/store.js";
import type { SettingsStore } from "../tickets/settings.js";
import { HttpError, route, validate } from "./errors.js";
import type { Guard } from "./guard.js";

const unitQuery = z.strictObject({ unit: z.string().min(1).max(120).optional() });
const slaQuery = unitQuery.extend({ days: z.coerce.number().int().min(1).max(90).optional() });
const worstQuery = unitQuery.extend({
  kind: z.enum(["zone", "circle", "division", "subdivision", "substation", "feeder"]).optional(),
  limit: z.coerce.number().int().min(1).max(50).optional(),
});
const searchQuery = z.strictObject({
  q: z.string().trim().min(2, "type at least 2 characters").max(80),
  kind: z
    .enum(["state", "discom", "zone", "circle", "division", "subdivision", "substation", "feeder"])
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

/** Charts, the minister's tiles and the drill-down table: reads only, over projections and the store. */
export function statsRouter(deps: {
  store: Store;
  network: Network;
  projections: Projections;
  settings: SettingsStore;
  clock: Clock;
  guard: Guard;
}): Router {
  const router = Router();
  // Counts and charts carry no personal data: anyone who may see the unit's summary may read them.
  const scoped = (req: Request, res: Response, id: string | undefined) =>
    deps.guard.unit(req, res, "summary", id);
  const full = () => ({ ...deps, limits: deps.settings.get().slaLimits });

  router.get(
    "/api/v1/stats/hourly",
    route(async (req, res) => {
      const q = validate(unitQuery, req.query, "query");
      res.json(await hourly(deps.store, scoped(req, res, q.unit), deps.clock.now()));
    }),
  );
  router.get(
    "/api/v1/stats/sla-daily",
    route(async (req, res) => {
      const q = validate(slaQuery, req.query, "query");
      res.json(
        await slaDaily(deps.store, scoped(req, res, q.unit), deps.clock.now(), q.days ?? 14),
      );
    }),
  );
  router.get(
    "/api/v1/stats/worst",
    route(async (req, res) => {
      const q = validate(worstQuery, req.query, "query");
      res.json(
        await worst(
          full(),
          scoped(req, res, q.unit),
          q.kind ?? "division",
          q.limit ?? 10,
          deps.clock.now(),
        ),
      );
    }),
  );
  router.get(
    "/api/v1/summary",
    route(async (req, res) => {
      res.json(await summary(full(), deps.clock.now(), scoped(req, res, undefined)));
    }),
  );
  router.get(
    "/api/v1/units/search",
    route((req, res) => {
      const q = validate(searchQuery, req.query, "query");
      const within = scoped(req, res, undefined);
      res.json(searchUnits(deps.network, q.q, q.kind, q.limit ?? 20, within));
    }),
  );
  router.get(
    "/api/v1/units/:id/children",
    route(async (req, res) => {
      const result = await unitChildren(
        full(),
        scoped(req, res, String(req.params.id)),
        deps.clock.now(),
      );
      if (!result) throw new HttpError(404, "not_found", `no unit ${req.params.id}`);
      res.json(result);
    }),
  );
  return router;
}
