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
      res.json({ ok: true, store: "reachable" });
    } catch {
      res.status(503).json({ ok: false, store: "unreachable" });
    }
  });
  router.get("/metrics", async (_req, res) => {
    res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });
  return router;
}
