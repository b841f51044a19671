import { Router, type Request } from "express";
import { z } from "zod";
import {
  apiKeyCreateSchema,
  auditQuerySchema,
  passwordResetSchema,
  userCreateSchema,
  userUpdateSchema,
  type ApiKeyCreated,
} from "../../shared/access.js";
import type { Access } from "../access/access.js";
import { presentKey } from "../access/keys.js";
import { UserError } from "../access/users.js";
import type { Clock } from "../clock/clock.js";
import { addressOf } from "./auth.js";
import { HttpError, route, validate } from "./errors.js";
import type { Guard } from "./guard.js";

const idParam = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

/** Users, intake keys and the audit log: administrators only. */
export function accessAdminRouter(deps: { access: Access; guard: Guard; clock: Clock }): Router {
  const router = Router();
  const { access, guard } = deps;
  const admin = (req: Request, res: Parameters<Guard["require"]>[1]) => {
    const viewer = guard.require(req, res, "administer");
    return { viewer, source: { actor: viewer.actor, address: addressOf(req) } };
  };
  const userError = (err: unknown): never => {
    if (err instanceof UserError) {
      const status = err.code === "not_found" ? 404 : err.code === "taken" ? 409 : 400;
      throw new HttpError(status, err.code, err.message, { [err.field]: err.message });
    }
    throw err;
  };

  router.get(
    "/api/v1/users",
    route(async (req, res) => {
      admin(req, res);
      res.json({ users: await access.users.list() });
    }),
  );

  router.post(
    "/api/v1/users",
    route(async (req, res) => {
      const { source } = admin(req, res);
      const input = validate(userCreateSchema, req.body, "user");
      const row = await access.users.create(input, deps.clock.now().toISOString()).catch(userError);
      await access.audit.record("user_created", source, {
        username: row.username,
        role: row.role,
        unitId: row.unit_id,
      });
      res.status(201).json({ user: access.users.present(row) });
    }),
  );

  router.patch(
    "/api/v1/users/:id",
    route(async (req, res) => {
      const { viewer, source } = admin(req, res);
      const id = validate(idParam, req.params.id, "user id");
      const patch = validate(userUpdateSchema, req.body, "user");
      if (id === viewer.userId && (patch.disabled || (patch.role && patch.role !== "admin")))
        throw new HttpError(400, "invalid_input", "you cannot disable or demote yourself", {
          [patch.disabled ? "disabled" : "role"]: "cannot be changed on your own account",
        });
      const { before, after } = await access.users.update(id, patch).catch(userError);
      // A change of who may see what takes effect at once (ASVS 8.3.2): the user signs in again.
      const accessChanged =
        before.role !== after.role || before.unit_id !== after.unit_id || after.disabled === 1;
      const ended = accessChanged ? await access.sessions.endAllOf(id) : 0;
      await access.audit.record("user_changed", source, {
        username: after.username,
        before: { role: before.role, unitId: before.unit_id, disabled: before.disabled === 1 },
        after: { role: after.role, unitId: after.unit_id, disabled: after.disabled === 1 },
        sessionsEnded: ended,
      });
      res.json({ user: access.users.present(after) });
    }),
  );

  router.post(
    "/api/v1/users/:id/password",
    route(async (req, res) => {
      const { source } = admin(req, res);
      const id = validate(idParam, req.params.id, "user id");
      const { password } = validate(passwordResetSchema, req.body, "password");
      const user = await access.users.resetPassword(id, password).catch(userError);
      const ended = await access.sessions.endAllOf(id);
      await access.audit.record("password_reset", source, {
        username: user.username,
        sessionsEnded: ended,
      });
      res.status(204).end();
    }),
  );

  router.get(
    "/api/v1/keys",
    route(async (req, res) => {
      admin(req, res);
      res.json({ keys: await access.keys.list() });
    }),
  );

  router.post(
    "/api/v1/keys",
    route(async (req, res) => {
      const { source } = admin(req, res);
      const input = validate(apiKeyCreateSchema, req.body, "key");
      const { row, secret } = await access.keys.create(input, source.actor);
      await access.audit.record("key_created", source, {
        name: row.name,
        prefix: row.prefix,
        channels: input.channels,
        ratePerMinute: input.ratePerMinute,
      });
      const body: ApiKeyCreated = { key: presentKey(row), secret };
      res.status(201).set("Cache-Control", "no-store").json(body);
    }),
  );

  router.delete(
    "/api/v1/keys/:id",
    route(async (req, res) => {
      const { source } = admin(req, res);
      const id = validate(idParam, req.params.id, "key id");
      const row = await access.keys.revoke(id);
      if (!row) throw new HttpError(404, "not_found", `no key ${id}`);
      await access.audit.record("key_revoked", source, { name: row.name, prefix: row.prefix });
      res.status(204).end();
    }),
  );

  router.get(
    "/api/v1/audit",
    route(async (req, res) => {
      admin(req, res);
      res.json(await access.audit.page(validate(auditQuerySchema, req.query, "query")));
    }),
  );
  return router;
}
