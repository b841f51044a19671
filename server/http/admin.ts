import { Router, type Request, type Response } from "express";
import type { AuditLog } from "../access/audit.js";
import { addressOf, viewerOf } from "./auth.js";
import type { Guard } from "./guard.js";
import { leaveSchema, scorecardQuerySchema, settingsUpdateSchema } from "../../shared/schemas.js";
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
  guard: Guard;
  audit: AuditLog;
}): Router {
  const router = Router();
  const { store, network, officers, settings, clock, guard, audit } = deps;
  const source = (req: Request, res: Response) => ({
    actor: viewerOf(res).actor,
    address: addressOf(req),
  });

  // The limits and the routing table are public facts of the regulator and the discom.
  router.get(
    "/api/v1/settings",
    route((req, res) => {
      guard.require(req, res, "summary");
      res.json({ settings: settings.get() });
    }),
  );

  router.put(
    "/api/v1/settings",
    route(async (req, res) => {
      guard.require(req, res, "administer");
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
      const before = settings.get();
      const after = await settings.update(patch, clock.now().toISOString());
      await audit.record("settings_changed", source(req, res), {
        changed: Object.keys(patch),
        before: Object.fromEntries(
          Object.keys(patch).map((k) => [k, before[k as keyof typeof before]]),
        ),
      });
      res.json({ settings: after });
    }),
  );

  router.get(
    "/api/v1/officers",
    route((req, res) => {
      const asked = typeof req.query.unit === "string" ? req.query.unit.slice(0, 120) : undefined;
      const unit = guard.unit(req, res, "read", asked);
      const list = officers.all().filter((o) => network.unit(o.unit_id)?.path.includes(unit));
      res.json({ officers: list.slice(0, 500), total: list.length });
    }),
  );

  router.put(
    "/api/v1/officers/:id/leave",
    route(async (req, res) => {
      guard.require(req, res, "administer");
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
      const changed = await officers.setLeave(
        store.kysely,
        officer.id,
        body.onLeave,
        body.standInId ?? null,
      );
      await audit.record("officer_leave", source(req, res), {
        officerId: officer.id,
        onLeave: body.onLeave,
        standInId: body.standInId ?? null,
      });
      res.json({ officer: changed });
    }),
  );

  router.get(
    "/api/v1/scorecards",
    route(async (req, res) => {
      const q = validate(scorecardQuerySchema, req.query, "query");
      const unit = guard.unit(req, res, "read", q.unit);
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
