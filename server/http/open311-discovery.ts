import { Router, type Request, type Response } from "express";
import type { Config } from "../config.js";
import { xmlDocument } from "../intake/open311/xml.js";
import { open311Cors } from "./open311.js";

/** When this endpoint's interface last changed (the discovery document's changeset). */
const CHANGESET = "2026-12-07T00:00:00Z";

/** Our jurisdiction id: OPEN311_JURISDICTION_ID, else the public host name. */
export function open311Jurisdiction(config: Config): string {
  return config.OPEN311_JURISDICTION_ID ?? new URL(config.PUBLIC_URL).hostname;
}

/** The GeoReport v2 service discovery document: where the endpoint is and what it speaks. */
export function discoveryDocument(config: Config) {
  const base = config.PUBLIC_URL.replace(/\/+$/, "");
  return {
    changeset: CHANGESET,
    contact: config.OPEN311_CONTACT ?? `The discom's control room: ${base}`,
    key_service: `API keys for POST are issued by the discom's control room: ${base}`,
    endpoints: [
      {
        specification: "http://wiki.open311.org/GeoReport_v2",
        url: `${base}/open311/v2`,
        changeset: CHANGESET,
        type: "production",
        formats: ["text/xml", "application/json"],
      },
    ],
  };
}

export function sendDiscovery(req: Request, res: Response, config: Config): void {
  const format = String(req.params.format);
  const doc = discoveryDocument(config);
  if (format === "json") {
    res.json(doc);
    return;
  }
  if (format !== "xml") {
    res.status(404).json([{ code: 404, description: `no such format: ${format}` }]);
    return;
  }
  res
    .type("text/xml")
    .send(xmlDocument("discovery", doc, { endpoints: "endpoint", formats: "format" }));
}

/**
 * Discovery where clients look for it: the site root and /open311 (the spec's MUST), besides
 * /open311/v2/discovery.fmt, which the GeoReport router answers itself.
 */
export function open311DiscoveryRouter(config: Config): Router {
  const router = Router();
  for (const path of ["/discovery.:format", "/open311/discovery.:format"]) {
    router.use(path, open311Cors());
    router.get(path, (req, res) => sendDiscovery(req, res, config));
  }
  return router;
}
