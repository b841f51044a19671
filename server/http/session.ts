import { Router, type Request, type Response } from "express";
import express from "express";
import { serialize } from "cookie";
import { signInSchema, type SessionResponse } from "../../shared/access.js";
import type { Access } from "../access/access.js";
import { decoyHash, verifyPassword } from "../access/passwords.js";
import { SESSION_COOKIE } from "../access/sessions.js";
import type { Clock } from "../clock/clock.js";
import { addressOf, sessionOf, viewerOf } from "./auth.js";
import { HttpError, route, validate } from "./errors.js";

export interface SessionDeps {
  access: Access;
  clock: Clock;
  secureCookies: boolean;
  maxAgeSeconds: number;
  allowedOrigins: ReadonlySet<string>;
}

/** POST /api/v1/session signs in, GET tells who is signed in, DELETE signs out. */
export function sessionRouter(deps: SessionDeps): Router {
  const router = Router();
  const { access } = deps;
  const cookie = (value: string, maxAge: number) =>
    serialize(SESSION_COOKIE, value, {
      httpOnly: true,
      sameSite: "lax",
      secure: deps.secureCookies,
      path: "/",
      maxAge,
    });

  const answer = async (res: Response, userId: number, csrfToken: string) => {
    const user = await access.users.byId(userId);
    const body: SessionResponse = {
      user: access.users.presentSession(user!),
      csrfToken,
      demo: access.demo.demo,
    };
    res.set("Cache-Control", "no-store").json(body);
  };

  router.get("/api/v1/session/demo", (_req, res) => {
    res.json(access.demo);
  });

  router.get(
    "/api/v1/session",
    route(async (_req, res) => {
      const session = sessionOf(res);
      if (!session) throw new HttpError(401, "unauthenticated", "not signed in");
      await answer(res, session.user_id, session.csrf_token);
    }),
  );

  router.post(
    "/api/v1/session",
    express.json({ limit: "4kb" }),
    route(async (req: Request, res: Response) => {
      // Login CSRF: a browser always sends Origin on a cross-site POST; refuse foreign ones.
      const origin = req.get("Origin");
      if (
        origin &&
        !deps.allowedOrigins.has(origin) &&
        origin !== `${req.protocol}://${req.get("host")}`
      )
        throw new HttpError(403, "bad_origin", "sign in from Nigrani's own page");
      const input = validate(signInSchema, req.body, "sign-in");
      const address = addressOf(req);
      const wait = access.signInLimiter.wait(input.username, address);
      if (wait > 0) {
        res.set("Retry-After", String(wait));
        throw new HttpError(
          429,
          "rate_limited",
          `too many failed attempts; try again in ${wait} s`,
          undefined,
          {
            retryAfter: wait,
          },
        );
      }
      const user = await access.users.byUsername(input.username);
      // The same work whether or not the user exists, so timing does not tell usernames apart.
      const ok = await verifyPassword(input.password, user?.password_hash ?? (await decoyHash()));
      if (!user || !ok || user.disabled === 1) {
        access.signInLimiter.failed(input.username, address);
        await access.audit.record(
          "sign_in_failed",
          { actor: `user:${input.username}`, address },
          {
            reason: !user ? "unknown_user" : user.disabled ? "disabled" : "wrong_password",
          },
        );
        throw new HttpError(401, "bad_credentials", "wrong username or password");
      }
      access.signInLimiter.succeeded(input.username, address);
      // A new session at every sign-in; the old one (if this browser had one) ends.
      const previous = sessionOf(res);
      if (previous) await access.sessions.end([previous.id]);
      const { token, session } = await access.sessions.create(Number(user.id), address);
      await access.users.signedIn(Number(user.id), deps.clock.now().toISOString());
      await access.audit.record("sign_in", { actor: `user:${user.username}`, address });
      res.set("Set-Cookie", cookie(token, deps.maxAgeSeconds));
      await answer(res, Number(user.id), session.csrf_token);
    }),
  );

  router.delete(
    "/api/v1/session",
    route(async (req, res) => {
      const session = sessionOf(res);
      if (session) {
        await access.sessions.end([session.id]);
        await access.audit.record("sign_out", {
          actor: viewerOf(res).actor,
          address: addressOf(req),
        });
      }
      res.set("Set-Cookie", cookie("", 0)).status(204).end();
    }),
  );
  return router;
}
