import express, { type Express } from "express";
import type { Logger } from "pino";
import type { Access } from "../access/access.js";
import type { Clock } from "../clock/clock.js";
import { mapTiles, type Config } from "../config.js";
import type { Inbox } from "../inbox/inbox.js";
import type { IntakeContext } from "../intake/ingest.js";
import type { Metrics } from "../metrics.js";
import type { NetworkOptions } from "../network/bootstrap.js";
import type { NoticeDeps } from "../notices/deps.js";
import type { Projections } from "../projections/counts.js";
import type { PublicContacts } from "../public/contacts.js";
import type { PublicOutageFeed } from "../public/outage-feed.js";
import { Towns } from "../public/towns.js";
import { demoStatus } from "../sim/demo.js";
import { appendCorrection } from "../triage/corrections.js";
import { accessAdminRouter } from "./access-admin.js";
import { adminRouter } from "./admin.js";
import { authenticate, requireSignedIn } from "./auth.js";
import { channelRouters } from "./channels.js";
import { compressJson } from "./compress.js";
import { demoRouter } from "./demo.js";
import { errorHandler, BODY_LIMIT } from "./errors.js";
import { reportLane } from "./report-lane.js";
import type { Guard } from "./guard.js";
import { incidentsRouter } from "./incidents.js";
import { networkRouter } from "./network.js";
import { noticesRouter } from "./notices.js";
import { opsRouter } from "./ops.js";
import { publicAdminRouter } from "./public-admin.js";
import { publicRouter } from "./public.js";
import { securityHeaders } from "./security-headers.js";
import { sessionRouter } from "./session.js";
import { staticRouter } from "./static.js";
import { statsRouter } from "./stats.js";
import { ticketActionsRouter } from "./ticket-actions.js";
import { ticketsRouter } from "./tickets.js";
import { trackRouter } from "./track.js";

export interface RouteDeps {
  config: Config;
  log: Logger;
  /** How the network was generated (null for a loaded one), for the network document. */
  generated: NetworkOptions | null;
  projections: Projections;
  /** People's real time (sessions), even when the demo runs its clock faster. */
  accessClock: Clock;
  access: Access;
  guard: Guard;
  metrics: Metrics;
  /** Also where the routes take the store, network, clock, settings and officers from. */
  intake: IntakeContext;
  /** What administrators publish on the public pages. */
  contacts: PublicContacts;
  /** The public outage feed (kept between changes; the app tells it of them). */
  publicOutages: PublicOutageFeed;
  inbox: Inbox;
  imports: Inbox;
  noticeDeps: NoticeDeps;
  origins: ReadonlySet<string>;
  isShuttingDown: () => boolean;
}

/**
 * Every HTTP route, in the order requests meet them: headers, who is asking, the channels'
 * webhooks (raw bodies, their own signatures), sign-in, then the JSON API, the public pages, and
 * the client's files last.
 */
export async function mountRoutes(
  app: Express,
  deps: RouteDeps,
): Promise<{ reportLane: ReturnType<typeof reportLane> }> {
  const {
    config,
    log,
    generated,
    projections,
    accessClock,
    access,
    guard,
    metrics,
    intake,
    inbox,
    imports,
    noticeDeps,
    origins,
    isShuttingDown,
    contacts,
    publicOutages,
  } = deps;
  const { store, network, clock, settings, officers } = intake;
  const headers = securityHeaders(config);
  app.use(headers);
  app.use(authenticate(access));
  app.use(requireSignedIn());
  app.use("/api", compressJson());
  for (const router of channelRouters({
    config,
    intake,
    log,
    access,
    guard,
    metrics,
    inbox: config.WEBHOOK_INBOX ? inbox : null,
    imports,
  }))
    app.use(router);
  app.use(
    sessionRouter({
      access,
      clock: accessClock,
      secureCookies: config.NODE_ENV === "production",
      maxAgeSeconds: config.SESSION_MAX_HOURS * 3600,
      allowedOrigins: origins,
    }),
  );
  app.use(express.json({ limit: BODY_LIMIT }));
  app.use(opsRouter({ store, metrics, isShuttingDown }));
  app.use(ticketsRouter({ store, network, officers, settings, clock, guard }));
  app.use(
    ticketActionsRouter(intake, guard, {
      async onCorrection(ticketId, category, actor) {
        const [first] = await store.reportsOfTicket(ticketId);
        if (first && config.DATA_DIR !== ":memory:")
          appendCorrection(config.DATA_DIR, first.text, category, actor);
      },
    }),
  );
  app.use(trackRouter({ ctx: intake, store, officers }));
  // The public outage page's feed and "who to call", and what administrators publish on it.
  const findPlace = (text: string) => intake.triage.findPlace(text);
  const towns = new Towns(network);
  app.use(
    publicRouter({ store, network, officers, contacts, findPlace, towns, outages: publicOutages }),
  );
  app.use(
    publicAdminRouter({ store, network, officers, contacts, guard, audit: access.audit, clock }),
  );
  app.use(adminRouter({ store, network, officers, settings, clock, guard, audit: access.audit }));
  app.use(accessAdminRouter({ access, guard, clock: accessClock }));
  app.use(incidentsRouter(intake, store, guard));
  app.use(noticesRouter(noticeDeps, guard));
  app.use(demoRouter({ status: () => demoStatus(config, store) }));
  app.use(statsRouter({ store, network, projections, settings, clock, guard }));
  const consumersByDistrict: Record<string, number> = {};
  for (const [feederId, n] of await store.consumersPerFeeder()) {
    const d = network.unit(feederId)?.districtId;
    if (d) consumersByDistrict[d] = (consumersByDistrict[d] ?? 0) + n;
  }
  const networkDocs = networkRouter({
    network: () => network,
    generated: () => generated,
    consumersByDistrict: () => consumersByDistrict,
    tiles: mapTiles(config),
    guard,
  });
  app.use(networkDocs.router);
  app.use("/api", (_req, res) => {
    res.status(404).json({ error: { code: "not_found", message: "no such API endpoint" } });
  });
  app.use(
    staticRouter(config.CLIENT_DIR, { headTags: (req, res) => networkDocs.headTags(req, res) }),
  );
  app.use(errorHandler(log));
  // POST /api/v1/reports is served beside Express, not through it (report-lane.ts).
  return { reportLane: reportLane({ intake, access, guard, log, securityHeaders: headers, app }) };
}
