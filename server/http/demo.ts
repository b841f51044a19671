import { Router } from "express";
import type { DemoStatus } from "../../shared/demo.js";
import { route } from "./errors.js";

/** What the demo is doing, so the About page can say which data is simulated. */
export function demoRouter(deps: { status(): Promise<DemoStatus> }): Router {
  const router = Router();
  router.get(
    "/api/v1/demo",
    route(async (_req, res) => {
      res.json(await deps.status());
    }),
  );
  return router;
}
