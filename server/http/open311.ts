import express, { Router, type ErrorRequestHandler, type Request, type Response } from "express";
import type { Kysely } from "kysely";
import type { Database } from "../store/schema.js";
import { presentOpen311Request, submittedForms } from "../intake/open311/present.js";
import {
  Open311Error,
  createServiceRequest,
  findServiceRequests,
} from "../intake/open311/requests.js";
import { OPEN311_SERVICES, findService } from "../intake/open311/services.js";
import { xmlDocument, type XmlNode } from "../intake/open311/xml.js";
import type { TicketContext } from "../tickets/context.js";
import type { TicketRow } from "../store/store.js";
import type { ChannelDeps } from "./channels.js";
import { route, BODY_LIMIT } from "./errors.js";
import { open311Jurisdiction, sendDiscovery } from "./open311-discovery.js";

type Format = "json" | "xml";

/** Splits `requests.json` into its name and format; an unknown format is an unknown resource. */
function resource(file: string): { name: string; format: Format } {
  const dot = file.lastIndexOf(".");
  const ext = dot > 0 ? file.slice(dot + 1) : "";
  if (ext !== "json" && ext !== "xml") throw new Open311Error(404, [`no such resource: ${file}`]);
  return { name: file.slice(0, dot), format: ext };
}

function send(
  res: Response,
  status: number,
  format: Format,
  root: string,
  item: string,
  items: XmlNode[],
) {
  if (format === "json") return res.status(status).json(items);
  // The spec names text/xml for its XML format.
  return res
    .status(status)
    .type("text/xml")
    .send(xmlDocument(root, items, { [root]: item }));
}

/** Tickets as Open311 requests, those filed through Open311 with what their client submitted. */
async function present(
  ctx: TicketContext & { store: { kysely: Kysely<Database> } },
  tickets: TicketRow[],
) {
  const forms = await submittedForms(
    ctx.store.kysely,
    tickets.map((t) => t.id),
  );
  return tickets.map((t) => presentOpen311Request(ctx, t, forms.get(t.id)));
}

/**
 * We serve one jurisdiction, so jurisdiction_id is optional (the spec: "only required if the
 * endpoint serves multiple jurisdictions"); one that is not ours is an unknown resource.
 */
function checkJurisdiction(given: string | undefined, ours: string): void {
  if (given !== undefined && given.trim() !== "" && given.trim() !== ours)
    throw new Open311Error(404, [
      `jurisdiction_id ${given} was not found (this endpoint serves ${ours})`,
    ]);
}

/**
 * Browser clients (a council's map page, a validator) call Open311 from other origins. Nothing
 * here reads cookies (POST carries its api_key in the form), so any origin may read the answers.
 */
export function open311Cors(): Router {
  const router = Router();
  router.use((req, res, next) => {
    res.set("Access-Control-Allow-Origin", "*");
    if (req.method !== "OPTIONS") return next();
    res
      .status(204)
      .set({
        "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
        "Access-Control-Allow-Headers": "Content-Type, Idempotency-Key",
        "Access-Control-Max-Age": "86400",
      })
      .end();
  });
  return router;
}

/** Reads a query or form as plain strings; a repeated key keeps its first value. */
function strings(source: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(source)) {
    const first = Array.isArray(v) ? v[0] : v;
    if (typeof first === "string") out[k] = first;
  }
  return out;
}

function formatOf(req: Request): Format {
  return req.path.endsWith(".xml") ? "xml" : "json";
}

/**
 * Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2) at /open311/v2: services, service
 * definitions, and service requests (POST with the api_key, GET for anyone). Errors use the spec's
 * `[{ code, description }]` in the requested format: 404 unknown resource, 403 bad api_key,
 * 400 anything else.
 */
export function open311Router({ config, intake, log, access }: ChannelDeps): Router {
  const router = Router();
  const jurisdiction = open311Jurisdiction(config);
  router.use(open311Cors());
  router.get(/.*/, (req, _res, next) => {
    const given = req.query.jurisdiction_id;
    checkJurisdiction(typeof given === "string" ? given : undefined, jurisdiction);
    next();
  });

  router.get(
    "/discovery.:format",
    route((req, res) => sendDiscovery(req, res, config)),
  );

  router.get(
    "/tokens/:file",
    route(async (req, res) => {
      // Every service is realtime: a POST answers with the request id, so the only tokens that
      // resolve are those ids themselves.
      const { name, format } = resource(String(req.params.file));
      const [ticket] = await intake.store.ticketsForOpen311({ numbers: [name], limit: 1 });
      if (!ticket) throw new Open311Error(404, [`token ${name} was not found`]);
      send(res, 200, format, "service_requests", "request", [
        { service_request_id: ticket.number, token: name },
      ]);
    }),
  );

  router.get(
    "/services/:file",
    route((req, res) => {
      const { name, format } = resource(String(req.params.file));
      const service = findService(name);
      if (!service) throw new Open311Error(404, [`service_code ${name} is not a known service`]);
      const definition = { service_code: service.service_code, attributes: [] };
      if (format === "json") return res.json(definition);
      return res
        .type("text/xml")
        .send(xmlDocument("service_definition", definition, { attributes: "attribute" }));
    }),
  );

  router.get(
    "/requests/:file",
    route(async (req, res) => {
      const { name, format } = resource(String(req.params.file));
      const [ticket] = await intake.store.ticketsForOpen311({ numbers: [name], limit: 1 });
      if (!ticket) throw new Open311Error(404, [`service_request_id ${name} was not found`]);
      send(res, 200, format, "service_requests", "request", await present(intake, [ticket]));
    }),
  );

  router.get(
    "/:file",
    route(async (req, res) => {
      const { name, format } = resource(String(req.params.file));
      if (name === "services")
        return send(
          res,
          200,
          format,
          "services",
          "service",
          OPEN311_SERVICES.map((s) => ({ ...s })),
        );
      if (name !== "requests") throw new Open311Error(404, [`no such resource: ${name}`]);
      const tickets = await findServiceRequests(
        intake.store,
        strings(req.query),
        intake.clock.now(),
      );
      send(res, 200, format, "service_requests", "request", await present(intake, tickets));
    }),
  );

  router.post(
    "/:file",
    express.text({ type: () => true, limit: BODY_LIMIT }),
    route(async (req, res) => {
      const { name, format } = resource(String(req.params.file));
      if (name !== "requests") throw new Open311Error(404, [`no such resource: ${name}`]);
      if (!req.is("application/x-www-form-urlencoded"))
        throw new Open311Error(400, ["send the request as application/x-www-form-urlencoded"]);
      const fields = strings(
        Object.fromEntries(new URLSearchParams(typeof req.body === "string" ? req.body : "")),
      );
      checkJurisdiction(fields.jurisdiction_id, jurisdiction);
      const created = await createServiceRequest(intake, fields, {
        // Open311 clients hold intake keys like any machine: listed for `open311`, within their rate.
        checkKey: async (given) => {
          const key = await access.keys.verify(given);
          if (!key || !(JSON.parse(key.channels) as string[]).includes("open311")) return null;
          return access.keys.take(Number(key.id), key.rate_per_minute) > 0
            ? null
            : `key:${key.name}`;
        },
        idempotencyKey: req.get("Idempotency-Key") ?? null,
      });
      send(res, 201, format, "service_requests", "request", [created]);
    }),
  );

  router.use((req, _res, next) => next(new Open311Error(404, [`no such resource: ${req.path}`])));
  const errors: ErrorRequestHandler = (err: unknown, req, res, next) => {
    if (!(err instanceof Open311Error)) {
      const e = err as { type?: string };
      if (e.type === "entity.too.large") err = new Open311Error(400, ["the request is too large"]);
      else return next(err);
    }
    const known = err as Open311Error;
    if (known.status === 403)
      log.warn({ channel: "open311", ip: req.ip }, "Open311 api_key refused");
    const items = known.descriptions.map((description) => ({ code: known.status, description }));
    send(res, known.status, formatOf(req), "errors", "error", items);
  };
  router.use(errors);
  return router;
}
