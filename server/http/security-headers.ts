import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestHandler } from "express";
import helmet from "helmet";
import { mapTileSource, type Config } from "../config.js";

/**
 * helmet with a content security policy the SPA lives within: scripts and fonts only from here,
 * inline styles (Leaflet positions its panes with them), images from here, data: URIs and the
 * configured tile server, and the live socket on this origin.
 */
export function securityHeaders(config: Config): RequestHandler {
  return fixedHeaders(helmetFor(config));
}

/** helmet as configured, run on every request (what securityHeaders sets, without the dry run). */
export function helmetFor(config: Config) {
  const production = config.NODE_ENV === "production";
  const wsOrigin = new URL(config.PUBLIC_URL).origin.replace(/^http/, "ws");
  const tiles = mapTileSource(config);
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:", ...(tiles ? [tiles] : [])],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'", wsOrigin],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(production ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: production,
    crossOriginEmbedderPolicy: false,
  });
}

/**
 * helmet's headers do not depend on the request here (no nonces), yet it runs a dozen middlewares
 * on every one: a few per cent of a report's CPU. So they are taken once from a dry run and set
 * directly; should helmet ever not finish that dry run, it runs on every request as before.
 */
function fixedHeaders(middleware: ReturnType<typeof helmet>): RequestHandler {
  const set: Array<[string, number | string | readonly string[]]> = [];
  const removed: string[] = [];
  let finished = false;
  const dry = {
    setHeader(name: string, value: number | string | readonly string[]) {
      set.push([name, value]);
      return dry;
    },
    removeHeader(name: string) {
      removed.push(name);
    },
  };
  middleware({} as IncomingMessage, dry as unknown as ServerResponse, (err?: unknown) => {
    finished = err === undefined;
  });
  if (!finished) return middleware;
  return (_req, res, next) => {
    for (const name of removed) res.removeHeader(name);
    for (const [name, value] of set) res.setHeader(name, value);
    next();
  };
}
