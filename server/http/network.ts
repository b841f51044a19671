import { createHash } from "node:crypto";
import { Router, type Response } from "express";
import type { NetworkPayload } from "../../shared/network.js";
import { loadDistrictGeoJson } from "../network/districts.js";
import type { Network } from "../network/loaded-network.js";
import type { NetworkOptions } from "../network/bootstrap.js";

/** The network and district shapes change only on import, so they are served with ETags. */
export function networkRouter(deps: {
  network: () => Network;
  generated: () => NetworkOptions | null;
  consumersByDistrict: () => Record<string, number>;
}): Router {
  const router = Router();
  let cached: { network: Network; body: string; etag: string } | null = null;
  const geo = JSON.stringify(loadDistrictGeoJson());
  const geoEtag = `"${createHash("sha1").update(geo).digest("hex").slice(0, 16)}"`;

  const send = (res: Response, body: string, etag: string, ifNoneMatch: string | undefined) => {
    res.set("ETag", etag).set("Cache-Control", "no-cache");
    if (ifNoneMatch === etag) return res.status(304).end();
    return res.type("application/json").send(body);
  };

  router.get("/api/v1/network", (req, res) => {
    const network = deps.network();
    if (cached?.network !== network) {
      const payload: NetworkPayload = {
        units: [...network.units.values()],
        districts: [...network.districts.values()],
        generated: deps.generated(),
        consumersByDistrict: deps.consumersByDistrict(),
      };
      const body = JSON.stringify(payload);
      cached = {
        network,
        body,
        etag: `"${createHash("sha1").update(body).digest("hex").slice(0, 16)}"`,
      };
    }
    send(res, cached.body, cached.etag, req.get("If-None-Match"));
  });

  router.get("/api/v1/geo/districts.geojson", (req, res) => {
    send(res, geo, geoEtag, req.get("If-None-Match"));
  });
  return router;
}
