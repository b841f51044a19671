import { Router } from "express";
import type { Metrics } from "../metrics.js";
import type { Store } from "../store/store.js";

export function opsRouter(deps: {
  store: Store;
  metrics: Metrics;
  isShuttingDown: () => boolean;
}): Router {
  const router = Router();
  router.get("/healthz", async (_req, res) => {
    if (deps.isShuttingDown()) return res.status(503).json({ ok: false, reason: "shutting down" });
    try {
      await deps.store.ping();
    } catch {
      return res.status(503).set("Retry-After", "5").json({ ok: false, store: "unreachable" });
    }
    // Ready means able to take reports: a store that reads but cannot commit is not.
    try {
      await deps.store.probeWrite(new Date().toISOString());
      res.json({ ok: true, store: "writable" });
    } catch {
      res.status(503).set("Retry-After", "5").json({ ok: false, store: "not writable" });
    }
  });
  router.get("/metrics", async (_req, res) => {
    res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });
  return router;
}
