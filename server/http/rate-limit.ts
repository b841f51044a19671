import type { RequestHandler } from "express";

/**
 * A small per-client limiter (sliding window of request times per IP) for public, costly or
 * guessable endpoints such as /track. In-memory: each node limits on its own.
 */
export function rateLimit(opts: {
  windowMs: number;
  max: number;
  now?: () => number;
  /** What one client is: the address by default (behind `trust proxy`, the real client's). */
  key?: (req: Parameters<RequestHandler>[0], res: Parameters<RequestHandler>[1]) => string;
}): RequestHandler {
  const hits = new Map<string, number[]>();
  const now = opts.now ?? Date.now;
  let sweeps = 0;
  return (req, res, next) => {
    const t = now();
    const key = opts.key ? opts.key(req, res) : (req.ip ?? "unknown");
    const recent = (hits.get(key) ?? []).filter((h) => h > t - opts.windowMs);
    if (recent.length >= opts.max) {
      const retry = Math.ceil((recent[0] + opts.windowMs - t) / 1000);
      res.set("Retry-After", String(Math.max(1, retry)));
      res.status(429).json({
        error: { code: "rate_limited", message: `too many requests; try again in ${retry} s` },
      });
      return;
    }
    recent.push(t);
    hits.set(key, recent);
    // Forget idle clients now and then so the map cannot grow without bound.
    if (++sweeps % 1000 === 0)
      for (const [k, v] of hits) if (v[v.length - 1] <= t - opts.windowMs) hits.delete(k);
    next();
  };
}
