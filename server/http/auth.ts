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

/** What authentication and the policy's refusals read of a request (Express's or the report lane's). */
export interface RequestFacts {
  method: string;
  /** The path, without the query string. */
  path: string;
  /** Path and query as received, for the audit log. */
  url: string;
  /** A header by its lower-case name (the first, if repeated). */
  header(name: string): string | undefined;
  /** The client's address (behind `trust proxy`, the real client's). */
  address(): string;
}

export function factsOf(req: Request): RequestFacts {
  return {
    method: req.method,
    path: req.path,
    url: req.originalUrl,
    header: (name) => req.get(name),
    address: () => addressOf(req),
  };
}

/**
 * Finds out who is asking: the session cookie, else an `X-API-Key`; null for nobody. A change made
 * with a session cookie must carry that session's `X-CSRF-Token` (synchroniser token), so another
 * site cannot make a signed-in browser act; key and anonymous requests carry no ambient credential.
 */
export async function identify(
  access: Access,
  at: RequestFacts,
): Promise<{ viewer: Viewer; session?: SessionRow } | null> {
  const token = cookieToken(at.header("cookie"));
  const active = token ? await access.sessions.resume(token) : null;
  if (active) {
    const viewer = viewerForUser(active.user, active.session.id);
    // Public routes (sign-in, /track) act on no one's authority, so they need no token; the
    // sign-in checks Origin instead. A staff member's cookie must not break /track for them.
    const signOut = at.method === "DELETE" && at.path === "/api/v1/session";
    if (!SAFE.has(at.method) && (!isPublicApi(at.path) || signOut)) {
      const sent = at.header("x-csrf-token");
      if (!sent || !equal(sent, active.session.csrf_token)) {
        void access.audit.record(
          "refused",
          { actor: viewer.actor, address: at.address() },
          { reason: "csrf", method: at.method, path: at.path },
        );
        throw new HttpError(403, "csrf", "this change needs the X-CSRF-Token of your session");
      }
    }
    return { viewer, session: active.session };
  }
  const secret = at.header("x-api-key");
  if (!secret) return null;
  const key = await access.keys.verify(secret);
  if (!key) throw new HttpError(401, "bad_key", "the API key is unknown or revoked");
  return {
    viewer: {
      kind: "key",
      actor: `key:${key.name}`,
      role: null,
      unitId: "",
      key: {
        id: Number(key.id),
        channels: new Set(JSON.parse(key.channels) as string[]),
        ratePerMinute: key.rate_per_minute,
      },
    },
  };
}

/** Express's side of `identify`: who is asking, in res.locals for the routes. */
export function authenticate(access: Access): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    identify(access, factsOf(req)).then((found) => {
      if (found) {
        const locals = res.locals as Locals;
        locals.viewer = found.viewer;
        locals.session = found.session;
      }
      next();
    }, next);
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
