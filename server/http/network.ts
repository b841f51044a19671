import type { Guard } from "./guard.js";
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import zlib, { gzipSync } from "node:zlib";
import { Router, type Request, type Response } from "express";
import type { NetworkPayload } from "../../shared/network.js";
import { compactNetworkSchema, encodeNetwork } from "../../shared/network-compact.js";
import { loadDistrictGeoJson } from "../network/districts.js";
import type { Network } from "../network/loaded-network.js";
import type { NetworkOptions } from "../network/bootstrap.js";
import { viewerOf } from "./auth.js";

/** A JSON document built once, with its ETag and a gzipped copy (the network is megabytes). */
interface Cached {
  body: string;
  gzip: Buffer;
  etag: string;
}

function cache(body: string): Cached {
  return {
    body,
    gzip: gzipSync(body),
    etag: `"${createHash("sha1").update(body).digest("hex").slice(0, 16)}"`,
  };
}

function send(req: Request, res: Response, doc: Cached): void {
  res.set("ETag", doc.etag).set("Cache-Control", "no-cache").set("Vary", "Accept-Encoding");
  if (req.get("If-None-Match") === doc.etag) {
    res.status(304).end();
    return;
  }
  res.type("application/json");
  if (req.acceptsEncodings("gzip") === "gzip") {
    res.set("Content-Encoding", "gzip").send(doc.gzip);
    return;
  }
  res.send(doc.body);
}

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** The compact document of one network version, compressed once on the thread pool. */
interface Compact {
  network: Network;
  version: string;
  encoded: Promise<{ br: Buffer; gzip: Buffer; body: Buffer }>;
}

function compact(network: Network, payload: NetworkPayload): Compact {
  const doc = compactNetworkSchema.parse(encodeNetwork(payload));
  const body = Buffer.from(JSON.stringify(doc));
  return {
    network,
    version: createHash("sha1").update(body).digest("base64url").slice(0, 16),
    encoded: Promise.all([
      brotli(body, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: 9,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      }),
      gzip(body, { level: 9 }),
    ]).then(([br, gz]) => ({ br, gzip: gz, body })),
  };
}

/**
 * The compact network (shared/network-compact.ts). Asked for under its version
 * (`?v=<version>`, as the page's `<meta name="nigrani-network">` names it), it never changes and
 * is cached for a year; without it (or under an old version) it is revalidated by ETag each time.
 */
async function sendCompact(req: Request, res: Response, doc: Compact): Promise<void> {
  const etag = `"${doc.version}"`;
  res
    .set("ETag", etag)
    .set(
      "Cache-Control",
      // Private: the network is for signed-in users only, never for a shared cache.
      req.query.v === doc.version ? "private, max-age=31536000, immutable" : "no-cache",
    )
    .set("Vary", "Accept-Encoding");
  const tags = (req.get("If-None-Match") ?? "").split(",").map((t) => t.trim());
  if (tags.includes(etag) || tags.includes("*")) {
    res.status(304).end();
    return;
  }
  const encoded = await doc.encoded;
  const encoding = req.acceptsEncodings("br", "gzip");
  const body = encoding === "br" ? encoded.br : encoding === "gzip" ? encoded.gzip : encoded.body;
  res.type("application/json");
  if (encoding === "br" || encoding === "gzip") res.set("Content-Encoding", encoding);
  res.set("Content-Length", String(body.length)).end(body);
}

/** Screens that draw the network as soon as they open: the page preloads it for them. */
const MAP_SCREENS = /^\/(?:$|wall$|units\/)/;

/** The network and district shapes change only on import: served with ETags, gzipped once. */
export function networkRouter(deps: {
  network: () => Network;
  generated: () => NetworkOptions | null;
  consumersByDistrict: () => Record<string, number>;
  /** The optional tile layer (MAP_TILE_URL), sent with the network the maps are drawn from. */
  tiles: NetworkPayload["tiles"] | null;
  guard: Guard;
}): {
  router: Router;
  /** Tags for index.html's head: the compact network's version, preloaded on the map screens. */
  headTags(req: Request, res: Response): string;
} {
  const router = Router();
  let cached: { network: Network; doc: Cached } | null = null;
  const geo = cache(JSON.stringify(loadDistrictGeoJson()));

  let compacted: Compact | null = null;
  const payloadOf = (network: Network): NetworkPayload => ({
    units: [...network.units.values()],
    districts: [...network.districts.values()],
    generated: deps.generated(),
    consumersByDistrict: deps.consumersByDistrict(),
    tiles: deps.tiles,
  });

  // The plain document: every unit with its path, for API clients and scripts.
  router.get("/api/v1/network", (req, res) => {
    // Every signed-in role may see the network; an intake key (filing only) may not.
    deps.guard.require(req, res, "summary");
    const network = deps.network();
    if (cached?.network !== network) {
      cached = { network, doc: cache(JSON.stringify(payloadOf(network))) };
    }
    send(req, res, cached.doc);
  });

  const current = (): Compact => {
    const network = deps.network();
    if (compacted?.network === network) return compacted;
    const made = compact(network, payloadOf(network));
    // A failed compression is tried again by the next request (and never goes unhandled).
    made.encoded.catch(() => {
      if (compacted === made) compacted = null;
    });
    compacted = made;
    return made;
  };
  // The compact document the client's screens load.
  router.get("/api/v1/network/compact", (req, res, next) => {
    deps.guard.require(req, res, "summary");
    sendCompact(req, res, current()).catch(next);
  });

  router.get("/api/v1/geo/districts.geojson", (req, res) => send(req, res, geo));
  return {
    router,
    headTags(req, res) {
      let version: string;
      try {
        version = current().version;
      } catch {
        // The page must load whatever happens to the network: the client asks unversioned.
        return "";
      }
      const meta = `<meta name="nigrani-network" content="${version}" />`;
      // Only for someone signed in: anyone else is on their way to /login, and would get a 401.
      if (!MAP_SCREENS.test(req.path) || viewerOf(res).kind === "anonymous") return meta;
      // Fetched with the page's scripts, not after them: the same request the client then makes.
      return `${meta}<link rel="preload" as="fetch" crossorigin href="/api/v1/network/compact?v=${version}" />`;
    },
  };
}
