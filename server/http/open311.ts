import express, { Router, type ErrorRequestHandler, type Request, type Response } from "express";
import { presentOpen311Request } from "../intake/open311/present.js";
import {
  Open311Error,
  createServiceRequest,
  findServiceRequests,
} from "../intake/open311/requests.js";
import { OPEN311_SERVICES, findService } from "../intake/open311/services.js";
import { xmlDocument, type XmlNode } from "../intake/open311/xml.js";
import type { ChannelDeps } from "./channels.js";
import { route } from "./errors.js";

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
  return res
    .status(status)
    .type("application/xml")
    .send(xmlDocument(root, items, { [root]: item }));
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
export function open311Router({ intake, log, access }: ChannelDeps): Router {
  const router = Router();

  router.get(
    "/services/:file",
    route((req, res) => {
      const { name, format } = resource(String(req.params.file));
      const service = findService(name);
      if (!service) throw new Open311Error(404, [`service_code ${name} is not a known service`]);
      const definition = { service_code: service.service_code, attributes: [] };
      if (format === "json") return res.json(definition);
      return res
        .type("application/xml")
        .send(xmlDocument("service_definition", definition, { attributes: "attribute" }));
    }),
  );

  router.get(
    "/requests/:file",
    route(async (req, res) => {
      const { name, format } = resource(String(req.params.file));
      const [ticket] = await intake.store.ticketsForOpen311({ numbers: [name], limit: 1 });
      if (!ticket) throw new Open311Error(404, [`service_request_id ${name} was not found`]);
      send(res, 200, format, "service_requests", "request", [
        presentOpen311Request(intake, ticket),
      ]);
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
      const requests = tickets.map((t) => presentOpen311Request(intake, t));
      send(res, 200, format, "service_requests", "request", requests);
    }),
  );

  router.post(
    "/:file",
    express.text({ type: () => true, limit: "64kb" }),
    route(async (req, res) => {
      const { name, format } = resource(String(req.params.file));
      if (name !== "requests") throw new Open311Error(404, [`no such resource: ${name}`]);
      if (!req.is("application/x-www-form-urlencoded"))
        throw new Open311Error(400, ["send the request as application/x-www-form-urlencoded"]);
      const fields = strings(
        Object.fromEntries(new URLSearchParams(typeof req.body === "string" ? req.body : "")),
      );
      const created = await createServiceRequest(intake, fields, {
        // Open311 clients hold intake keys like any machine: listed for `open311`, within their rate.
        checkKey: async (given) => {
          const key = await access.keys.verify(given);
          if (!key || !(JSON.parse(key.channels) as string[]).includes("open311")) return null;
          return access.keys.take(Number(key.id), key.rate_per_minute) > 0 ? null : `key:${key.name}`;
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
