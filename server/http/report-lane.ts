import type { IncomingMessage, ServerResponse } from "node:http";
import type { Express, RequestHandler } from "express";
import type { Logger } from "pino";
import type { Access } from "../access/access.js";
import { ingestReport, type IntakeContext } from "../intake/ingest.js";
import { presentFiled } from "../tickets/present.js";
import { idempotencyKeySchema, reportInputSchema } from "../../shared/schemas.js";
import { identify, type RequestFacts } from "./auth.js";
import { HttpError, problemOf, validate } from "./errors.js";
import type { Guard } from "./guard.js";
import { authoriseFiling } from "./intake-auth.js";
import { readJsonBody, sendJson } from "./json-body.js";

export const REPORTS_PATH = "/api/v1/reports";

/**
 * Is this request `POST /api/v1/reports`, the report lane's? Matched as Express matched the route
 * it replaces: any letter case, a trailing slash, a query string.
 */
export function isReportPost(req: IncomingMessage): boolean {
  if (req.method !== "POST") return false;
  const url = req.url ?? "";
  if (url === REPORTS_PATH) return true;
  const q = url.indexOf("?");
  const path = (q < 0 ? url : url.slice(0, q)).toLowerCase();
  return path === REPORTS_PATH || path === `${REPORTS_PATH}/`;
}

export interface ReportLaneDeps {
  intake: IntakeContext;
  access: Access;
  guard: Guard;
  log: Logger;
  /** The same security headers every answer carries (security-headers.ts). */
  securityHeaders: RequestHandler;
  /** The Express app, whose `trust proxy` setting says who the client is. */
  app: Express;
}

/**
 * `POST /api/v1/reports`, the route a storm arrives on, served by Node's HTTP server directly:
 * authenticate -> read and validate -> authorise (the one policy) -> ingest (committed before the
 * answer) -> present. The same steps and the same functions as the Express routes (identify,
 * Guard, authoriseFiling, problemOf), without Express's per-request work (its request and
 * response prototypes, a dozen layers walked, ETag hashing), which cost about a sixth of each
 * report's time on the event loop. Everything else goes to Express.
 */
export function reportLane(deps: ReportLaneDeps) {
  const { intake, access, guard, log } = deps;
  const address = clientAddress(deps.app);
  return (req: IncomingMessage, res: ServerResponse): void => {
    deps.securityHeaders(req as never, res as never, () => undefined);
    const at = factsOfRaw(req, address);
    serve(req, at).then(
      (answer) => sendJson(res, answer.status, answer.body),
      (err: unknown) => {
        const problem = problemOf(err, log, at.url);
        for (const [name, value] of Object.entries(problem.headers ?? {}))
          res.setHeader(name, value);
        sendJson(res, problem.status, problem.body);
      },
    );
  };

  async function serve(req: IncomingMessage, at: RequestFacts) {
    const found = await identify(access, at);
    if (!found) throw new HttpError(401, "unauthenticated", "sign in first");
    const body = await readJsonBody(req);
    const header = at.header("idempotency-key");
    const idempotencyKey =
      header === undefined
        ? null
        : validate(idempotencyKeySchema, header, "Idempotency-Key header");
    const input = validate(reportInputSchema, body, "report");
    const viewer = authoriseFiling(guard, access.keys, found.viewer, at, input.channel);
    const filed = await ingestReport(intake, input, {
      idempotencyKey,
      raw: body,
      actor: viewer.actor,
    });
    // The filer sees back what they sent.
    return presentFiled(filed, "full");
  }
}

function factsOfRaw(req: IncomingMessage, address: (req: IncomingMessage) => string): RequestFacts {
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  return {
    method: req.method ?? "POST",
    path: q < 0 ? url : url.slice(0, q),
    url,
    header: (name) => {
      const v = req.headers[name];
      return Array.isArray(v) ? v[0] : v;
    },
    address: () => address(req),
  };
}

/**
 * The client's address as Express works it out (`req.ip`, honouring `trust proxy`), read through
 * Express's own getter: the lane asks only when it writes a refusal to the audit log.
 */
function clientAddress(app: Express): (req: IncomingMessage) => string {
  return (req) => {
    const view = Object.create(app.request) as { app: Express; ip?: string };
    Object.assign(view, { app, headers: req.headers, socket: req.socket });
    return view.ip ?? req.socket.remoteAddress ?? "unknown";
  };
}
