import { Router, type Request, type Response } from "express";
import { z } from "zod";
import { fuseCallChangeSchema, publicPhoneChangeSchema } from "../../shared/public.js";
import type { AuditLog } from "../access/audit.js";
import type { Clock } from "../clock/clock.js";
import type { Network } from "../network/loaded-network.js";
import type { Officers } from "../officers/officers.js";
import { mayPublishContacts } from "../policies/index.js";
import type { PublicContacts } from "../public/contacts.js";
import type { Store } from "../store/store.js";
import { addressOf, viewerOf } from "./auth.js";
import type { Guard } from "./guard.js";
import { HttpError, route, validate } from "./errors.js";

const unitQuery = z.strictObject({ unit: z.string().trim().min(1).max(120).optional() });

/**
 * What the discom publishes on the public pages, chosen by administrators: which officers' phone
 * numbers "who to call" shows, and each unit's fuse-call centre. The policy decides per unit
 * (administer, within the administrator's own area); every change is in the audit log.
 */
export function publicAdminRouter(deps: {
  store: Store;
  network: Network;
  officers: Officers;
  contacts: PublicContacts;
  guard: Guard;
  audit: AuditLog;
  clock: Clock;
}): Router {
  const { store, network, officers, contacts, guard, audit, clock } = deps;
  const router = Router();
  const source = (req: Request, res: Response) => ({
    actor: viewerOf(res).actor,
    address: addressOf(req),
  });
  /** The unit is the administrator's to publish for, or 404 (and a refusal in the audit log). */
  const requirePublisher = (req: Request, res: Response, unitId: string) => {
    const viewer = viewerOf(res);
    if (!mayPublishContacts(network, viewer, unitId))
      throw guard.refuse(req, viewer, "administer", unitId);
    return viewer;
  };
  const under = (unitId: string, id: string) => network.unit(id)?.path.includes(unitId) ?? false;

  router.get(
    "/api/v1/officers/public-phones",
    route((req, res) => {
      const { unit } = validate(unitQuery, req.query, "query");
      const asked = guard.unit(req, res, "administer", unit);
      const ids = contacts
        .publishedIds()
        .filter((id) => {
          const o = officers.get(id);
          return o !== undefined && under(asked, o.unit_id);
        })
        .sort();
      res.json({ officerIds: ids });
    }),
  );

  router.put(
    "/api/v1/officers/:id/public-phone",
    route(async (req, res) => {
      const body = validate(publicPhoneChangeSchema, req.body, "change");
      const officer = officers.get(String(req.params.id));
      if (!officer) throw new HttpError(404, "not_found", `no officer ${req.params.id}`);
      const viewer = requirePublisher(req, res, officer.unit_id);
      await contacts.setPublished(
        store.kysely,
        officer.id,
        body.public,
        viewer.actor,
        clock.now().toISOString(),
      );
      await audit.record("settings_changed", source(req, res), {
        changed: ["officer_phone_public"],
        officerId: officer.id,
        public: body.public,
      });
      res.json({ officerId: officer.id, public: contacts.isPublished(officer.id) });
    }),
  );

  router.get(
    "/api/v1/fuse-call-centres",
    route((req, res) => {
      const { unit } = validate(unitQuery, req.query, "query");
      const asked = guard.unit(req, res, "administer", unit);
      const centres = [...network.units.values()]
        .filter((u) => contacts.fuseCallOf(u.id) !== null && u.path.includes(asked))
        .slice(0, 500)
        .map((u) => ({
          unitId: u.id,
          name: { en: u.name, hi: u.nameHi },
          phone: contacts.fuseCallOf(u.id),
        }));
      res.json({ centres });
    }),
  );

  router.put(
    "/api/v1/fuse-call-centres/:unitId",
    route(async (req, res) => {
      const body = validate(fuseCallChangeSchema, req.body, "change");
      const unit = network.unit(String(req.params.unitId));
      if (!unit) throw new HttpError(404, "not_found", `no unit ${req.params.unitId}`);
      const viewer = requirePublisher(req, res, unit.id);
      await contacts.setFuseCall(
        store.kysely,
        unit.id,
        body.phone,
        viewer.actor,
        clock.now().toISOString(),
      );
      await audit.record("settings_changed", source(req, res), {
        changed: ["fuse_call_centre"],
        unitId: unit.id,
        phone: body.phone,
      });
      res.json({ unitId: unit.id, phone: contacts.fuseCallOf(unit.id) });
    }),
  );
  return router;
}
