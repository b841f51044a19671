import { Router } from "express";
import { leaveSchema, scorecardQuerySchema, settingsUpdateSchema } from "../../shared/schemas.js";
import { ROOT_UNIT_ID } from "../../shared/domain.js";
import type { Network } from "../network/loaded-network.js";
import type { Officers } from "../officers/officers.js";
import type { Store } from "../store/store.js";
import type { Clock } from "../clock/clock.js";
import { scorecards } from "../tickets/scorecards.js";
import type { SettingsStore } from "../tickets/settings.js";
import { HttpError, route, validate } from "./errors.js";

/** Settings (routing table, limits), officers and scorecards: thin routes over their modules. */
export function adminRouter(deps: {
  store: Store;
  network: Network;
  officers: Officers;
  settings: SettingsStore;
  clock: Clock;
}): Router {
  const router = Router();
  const { store, network, officers, settings, clock } = deps;

  router.get("/api/v1/settings", (_req, res) => {
    res.json({ settings: settings.get() });
  });

  router.put(
    "/api/v1/settings",
    route(async (req, res) => {
      const patch = validate(settingsUpdateSchema, req.body, "settings");
      for (const [i, r] of (patch.routing ?? []).entries()) {
        if (r.unitId && !network.unit(r.unitId)) {
          throw new HttpError(
            400,
            "invalid_input",
            `routing rule ${i + 1} names unknown unit ${r.unitId}`,
            {
              [`routing.${i}.unitId`]: `no unit ${r.unitId}`,
            },
          );
        }
      }
      res.json({ settings: await settings.update(patch, clock.now().toISOString()) });
    }),
  );

  router.get("/api/v1/officers", (req, res) => {
    const unit = typeof req.query.unit === "string" ? req.query.unit : ROOT_UNIT_ID;
    const list = officers.all().filter((o) => network.unit(o.unit_id)?.path.includes(unit));
    res.json({ officers: list.slice(0, 500), total: list.length });
  });

  router.put(
    "/api/v1/officers/:id/leave",
    route(async (req, res) => {
      const body = validate(leaveSchema, req.body, "leave");
      const officer = officers.get(String(req.params.id));
      if (!officer) throw new HttpError(404, "not_found", `no officer ${req.params.id}`);
      if (body.onLeave) {
        const standIn = officers.get(body.standInId);
        const why =
          !standIn || standIn.id === officer.id
            ? "must name another officer"
            : standIn.role !== officer.role
              ? `must hold the same rank (${officer.role.toUpperCase()})`
              : standIn.on_leave
                ? "is on leave too"
                : null;
        if (why) throw new HttpError(400, "invalid_input", `stand-in ${why}`, { standInId: why });
      }
      res.json({
        officer: await officers.setLeave(
          store.kysely,
          officer.id,
          body.onLeave,
          body.standInId ?? null,
        ),
      });
    }),
  );

  router.get(
    "/api/v1/scorecards",
    route(async (req, res) => {
      const q = validate(scorecardQuerySchema, req.query, "query");
      const unit = q.unit ?? ROOT_UNIT_ID;
      if (!network.unit(unit)) throw new HttpError(404, "not_found", `no unit ${unit}`);
      const now = clock.now();
      const to = q.to ? new Date(q.to).toISOString() : now.toISOString();
      const from = q.from
        ? new Date(q.from).toISOString()
        : new Date(Date.parse(to) - 30 * 86_400_000).toISOString();
      res.json(
        await scorecards(
          { store, network, officers, limits: settings.get().slaLimits, now },
          unit,
          from,
          to,
        ),
      );
    }),
  );
  return router;
}
