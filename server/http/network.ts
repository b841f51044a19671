import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { Router, type Request, type Response } from "express";
import type { NetworkPayload } from "../../shared/network.js";
import { loadDistrictGeoJson } from "../network/districts.js";
import type { Network } from "../network/loaded-network.js";
import type { NetworkOptions } from "../network/bootstrap.js";

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

/** The network and district shapes change only on import: served with ETags, gzipped once. */
export function networkRouter(deps: {
  network: () => Network;
  generated: () => NetworkOptions | null;
  consumersByDistrict: () => Record<string, number>;
}): Router {
  const router = Router();
  let cached: { network: Network; doc: Cached } | null = null;
  const geo = cache(JSON.stringify(loadDistrictGeoJson()));

  router.get("/api/v1/network", (req, res) => {
    const network = deps.network();
    if (cached?.network !== network) {
      const payload: NetworkPayload = {
        units: [...network.units.values()],
        districts: [...network.districts.values()],
        generated: deps.generated(),
        consumersByDistrict: deps.consumersByDistrict(),
      };
      cached = { network, doc: cache(JSON.stringify(payload)) };
    }
    send(req, res, cached.doc);
  });

  router.get("/api/v1/geo/districts.geojson", (req, res) => send(req, res, geo));
  return router;
}
