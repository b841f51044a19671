import { Router } from "express";
import { whoToCallQuerySchema } from "../../shared/public.js";
import type { PublicOutageFeed } from "../public/outage-feed.js";
import { whoToCall, type WhoToCallDeps } from "../public/who-to-call.js";
import { cacheableSender } from "./cacheable.js";
import { HttpError, route, validate } from "./errors.js";
import { rateLimit } from "./rate-limit.js";

/** Query strings as plain strings: a repeated key is refused by the schema, not half-read. */
const query = (q: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(q).map(([k, v]) => [k, Array.isArray(v) ? undefined : v]));

/**
 * The public outage page's API, open to anyone without signing in: the current outages as JSON
 * and GeoJSON (cached, any origin may read them), and "who to call" for an account, ticket or
 * place. The lookup is rate-limited per address: account and ticket numbers are enumerable.
 */
export function publicRouter(
  deps: WhoToCallDeps & { outages: PublicOutageFeed },
  // Generous for the feed: many phones share one carrier address, and 304s cost little.
  limits = { lookup: { windowMs: 60_000, max: 20 }, feed: { windowMs: 60_000, max: 300 } },
): Router {
  const router = Router();
  const sendJson = cacheableSender("application/json", 60);
  const sendGeoJson = cacheableSender("application/geo+json", 60);
  // One allowance for both forms of the feed.
  router.use(["/api/v1/public/outages", "/api/v1/public/outages.geojson"], rateLimit(limits.feed));
  router.use("/api/v1/public/who-to-call", rateLimit(limits.lookup));

  // Built once per change and kept with its encodings: a poll in between stringifies nothing.
  router.get(
    "/api/v1/public/outages",
    route(async (req, res) => {
      const feed = await deps.outages.current();
      // The ETag stands for the outages, not for the moment the answer was made.
      await sendJson(req, res, feed.json, feed.outagesJson);
    }),
  );

  router.get(
    "/api/v1/public/outages.geojson",
    route(async (req, res) => {
      await sendGeoJson(req, res, (await deps.outages.current()).geoJson);
    }),
  );

  router.get(
    "/api/v1/public/who-to-call",
    route(async (req, res) => {
      const q = validate(whoToCallQuerySchema, query(req.query), "lookup");
      const answer = await whoToCall(deps, q);
      // One answer for an unknown number and one that is not ours: nothing to learn by probing.
      if (!answer)
        throw new HttpError(404, "not_found", "no area found for that account, ticket or place");
      res.set("Cache-Control", "no-store").json(answer);
    }),
  );
  return router;
}
