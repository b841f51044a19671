import { timingSafeEqual } from "node:crypto";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import { parse as parseCookies } from "cookie";
import type { Access } from "../access/access.js";
import { SESSION_COOKIE } from "../access/sessions.js";
import type { SessionRow } from "../store/schema.js";
import { ANONYMOUS, type Viewer } from "../policies/index.js";
import type { Role } from "../../shared/access.js";
import { HttpError } from "./errors.js";

interface Locals {
  viewer?: Viewer;
  session?: SessionRow;
}

/** Who is asking, as `authenticate` found out. */
export function viewerOf(res: Response): Viewer {
  return (res.locals as Locals).viewer ?? ANONYMOUS;
}

export function sessionOf(res: Response): SessionRow | undefined {
  return (res.locals as Locals).session;
}

/** The address the request came from (behind `trust proxy`, the real client's). */
export const addressOf = (req: Request) => req.ip ?? req.socket.remoteAddress ?? "unknown";

export function cookieToken(header: string | undefined): string | undefined {
  if (!header || header.length > 8192) return undefined;
  return parseCookies(header)[SESSION_COOKIE];
}

export function viewerForUser(
  user: { id: number; username: string; role: string; unit_id: string; officer_id: string | null },
  sessionId?: string,
): Viewer {
  return {
    kind: "user",
    actor: `user:${user.username}`,
    role: user.role as Role,
    unitId: user.unit_id,
    userId: Number(user.id),
    sessionId,
    officerId: user.officer_id,
  };
}

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

const equal = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Finds out who is asking: the session cookie, else an `X-API-Key`. A change made with a session
 * cookie must carry that session's `X-CSRF-Token` (synchroniser token), so another site cannot
 * make a signed-in browser act; key and anonymous requests carry no ambient credential.
 */
export function authenticate(access: Access): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    void (async () => {
      const locals = res.locals as Locals;
      const token = cookieToken(req.headers.cookie);
      const active = token ? await access.sessions.resume(token) : null;
      if (active) {
        locals.viewer = viewerForUser(active.user, active.session.id);
        locals.session = active.session;
        // Public routes (sign-in, /track) act on no one's authority, so they need no token; the
        // sign-in checks Origin instead. A staff member's cookie must not break /track for them.
        const signOut = req.method === "DELETE" && req.path === "/api/v1/session";
        if (!SAFE.has(req.method) && (!isPublicApi(req.path) || signOut)) {
          const sent = req.get("X-CSRF-Token");
          if (!sent || !equal(sent, active.session.csrf_token)) {
            void access.audit.record(
              "refused",
              { actor: locals.viewer.actor, address: addressOf(req) },
              { reason: "csrf", method: req.method, path: req.path },
            );
            throw new HttpError(403, "csrf", "this change needs the X-CSRF-Token of your session");
          }
        }
        return;
      }
      const secret = req.get("X-API-Key");
      if (secret) {
        const key = await access.keys.verify(secret);
        if (!key) throw new HttpError(401, "bad_key", "the API key is unknown or revoked");
        locals.viewer = {
          kind: "key",
          actor: `key:${key.name}`,
          role: null,
          unitId: "",
          key: {
            id: Number(key.id),
            channels: new Set(JSON.parse(key.channels) as string[]),
            ratePerMinute: key.rate_per_minute,
          },
        };
      }
    })().then(() => next(), next);
  };
}

/**
 * API paths anyone may call: signing in, the consumer's tracking page, what the demo simulates
 * (/about), and the public outage page (its feed, "who to call" and the district outlines).
 */
const PUBLIC_API = [
  /^\/api\/v1\/session(\/demo)?$/,
  /^\/api\/v1\/track\//,
  /^\/api\/v1\/demo$/,
  /^\/api\/v1\/public\//,
  /^\/api\/v1\/geo\/districts\.geojson$/,
];

const isPublicApi = (path: string) => PUBLIC_API.some((re) => re.test(path));

/** Every other /api route needs a signed-in user or a key: 401 otherwise. */
export function requireSignedIn(): RequestHandler {
  return (req, res, next) => {
    if (!req.path.startsWith("/api/") || isPublicApi(req.path)) return next();
    if (viewerOf(res).kind === "anonymous") {
      next(new HttpError(401, "unauthenticated", "sign in first"));
      return;
    }
    next();
  };
}
