import http from "node:http";
import express from "express";
import pino, { type Logger } from "pino";
import { Server } from "socket.io";
import { ROOT_UNIT_ID } from "../shared/domain.js";
import { systemClock, type Clock } from "./clock/clock.js";
import { Sweeper } from "./clock/sweeper.js";
import { allowedOrigins, isDemoMode, trustProxy, ConfigError, type Config } from "./config.js";
import helmet from "helmet";
import { Access, seedDemo } from "./access/access.js";
import { accessAdminRouter } from "./http/access-admin.js";
import { authenticate, cookieToken, requireSignedIn, viewerForUser } from "./http/auth.js";
import { Guard } from "./http/guard.js";
import { sessionRouter } from "./http/session.js";
import { LocalBus, type EventBus } from "./events/bus.js";
import { errorHandler } from "./http/errors.js";
import { networkRouter } from "./http/network.js";
import { opsRouter } from "./http/ops.js";
import { reportsRouter } from "./http/reports.js";
import { staticRouter } from "./http/static.js";
import { compressJson } from "./http/compress.js";
import { ticketsRouter } from "./http/tickets.js";
import type { IntakeContext, TextTriage } from "./intake/ingest.js";
import { LiveHub } from "./live/hub.js";
import { createMetrics, type Metrics } from "./metrics.js";
import { ensureNetwork, networkSource, type NetworkOptions } from "./network/bootstrap.js";
import type { Network } from "./network/loaded-network.js";
import { Projections } from "./projections/counts.js";
import { openSqliteStore } from "./store/sqlite.js";
import type { Store } from "./store/store.js";
import { TicketWriter } from "./tickets/writer.js";
import { SettingsStore } from "./tickets/settings.js";
import { lifecycleSweeps } from "./tickets/timed.js";
import { Officers } from "./officers/officers.js";
import { generateOfficers } from "./officers/generate.js";
import { logSender, outboxSweep } from "./outbox/dispatcher.js";
import { outboundSenders } from "./outbox/senders.js";
import { channelRouters } from "./http/channels.js";
import { CALL_CENTRE_CSV, registerInboxChannels, WEBHOOK_LANE } from "./inbox/channels.js";
import { Inbox } from "./inbox/inbox.js";
import { ticketActionsRouter } from "./http/ticket-actions.js";
import { trackRouter } from "./http/track.js";
import { adminRouter } from "./http/admin.js";
import { incidentsRouter } from "./http/incidents.js";
import { statsRouter } from "./http/stats.js";
import { appendCorrection } from "./triage/corrections.js";
import { OutageWatcher } from "./incidents/watcher.js";
import { createTextTriage } from "./triage/text-triage.js";
import type { RunningSimulator } from "./sim/wiring.js";
import { createDemo, demoClock, demoStatus, type Demo } from "./sim/demo.js";
import { demoRouter } from "./http/demo.js";

export interface AppDeps {
  config: Config;
  store?: Store;
  clock?: Clock;
  log?: Logger;
  bus?: EventBus;
  triage?: TextTriage;
}

export interface NigraniApp {
  config: Config;
  store: Store;
  network: Network;
  projections: Projections;
  hub: LiveHub;
  inbox: Inbox;
  /** Background CSV imports (a lane of the inbox of its own). */
  imports: Inbox;
  intake: IntakeContext;
  sweeper: Sweeper;
  officers: Officers;
  settings: SettingsStore;
  access: Access;
  outages: OutageWatcher;
  metrics: Metrics;
  clock: Clock;
  log: Logger;
  http: http.Server;
  io: Server;
  simulator: RunningSimulator | null;
  /** The demo's history and simulated people (null when SIMULATOR is off). */
  demo: Demo | null;
  /** Starts listening; resolves with the base URL. */
  listen(): Promise<string>;
  /** Graceful shutdown: stop taking work, finish in-flight requests, close sockets and the store. */
  close(): Promise<void>;
}

/** Builds the whole server from its dependencies; index.ts reads the environment and calls this. */
export async function createApp(deps: AppDeps): Promise<NigraniApp> {
  const { config } = deps;
  const log = deps.log ?? pino({ level: config.LOG_LEVEL });
  const clock = deps.clock ?? demoClock(config) ?? systemClock;
  const store = deps.store ?? (await openSqliteStore(config.DATA_DIR));
  const bus = deps.bus ?? new LocalBus();
  const networkOptions: NetworkOptions = {
    seed: config.NETWORK_SEED,
    feeders: config.NETWORK_FEEDERS,
    consumers: config.NETWORK_CONSUMERS,
  };
  const network = await ensureNetwork(store, networkOptions, log);
  const generated = await networkSource(store);
  const projections = new Projections(clock);
  await projections.rebuild(store);

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", trustProxy(config));
  const server = http.createServer(app);
  const io = new Server(server, { serveClient: false, cors: { origin: false } });

  const metrics = createMetrics({
    openTickets: () => projections.counts(ROOT_UNIT_ID).open,
    socketClients: () => hub.clientCount,
    liveStats: () => hub.stats,
  });
  const writer = new TicketWriter(store, bus);
  const settings = new SettingsStore(store.kysely);
  await settings.load();
  if ((await store.kysely.selectFrom("officers").select("id").limit(1).execute()).length === 0) {
    await Officers.replaceAll(
      store.kysely,
      generateOfficers(network.units.values(), config.NETWORK_SEED),
    );
  }
  const officers = await Officers.load(store.kysely);
  // Sign-ins live in people's real time, even when the demo runs its clock faster.
  const accessClock = deps.clock ?? systemClock;
  const access = new Access(store.kysely, network, officers, accessClock, {
    idleMs: config.SESSION_IDLE_MINUTES * 60_000,
    absoluteMs: config.SESSION_MAX_HOURS * 3_600_000,
  });
  if (isDemoMode(config)) {
    await seedDemo(access, network, officers, {
      password: config.DEMO_PASSWORD,
      intakeKey: config.DEMO_INTAKE_KEY,
      at: accessClock.now().toISOString(),
      log,
    });
  } else {
    const demo = await access.users.demoUsernames();
    if (demo.length)
      throw new ConfigError(
        `production mode refuses to start: demo users exist (${demo.join(", ")}); disable them or reset their passwords`,
      );
  }
  const origins = allowedOrigins(config);
  const hub = new LiveHub(io, {
    store,
    network,
    projections,
    log,
    budget: {
      bytesPerSecond: config.LIVE_BYTES_PER_SECOND,
      burstBytes: config.LIVE_BYTES_PER_SECOND,
    },
    limits: {
      maxBufferedBytes: config.LIVE_MAX_BUFFERED_BYTES,
      stalledForMs: config.LIVE_STALLED_MS,
    },
    allowedOrigins: origins,
    subscribesPerWindow: config.LIVE_SUBSCRIBES_PER_10S,
    async authenticate(cookie) {
      const active = await access.sessions.resume(cookieToken(cookie));
      return active ? viewerForUser(active.user, active.session.id) : null;
    },
  });
  access.sessions.onEnded = (ids) => hub.endSessions(ids);
  bus.subscribe((change) => hub.onChange(change, projections.apply(change)));
  const guard = new Guard(network, access.audit);
  const intake: IntakeContext = {
    writer,
    network,
    clock,
    settings,
    officers,
    otpSecret: config.OTP_SECRET,
    publicUrl: config.PUBLIC_URL,
    store,
    triage: deps.triage ?? createTextTriage(network),
    onReport(input, filed) {
      const outcome = filed.change === null ? "duplicate" : filed.created ? "created" : "joined";
      metrics.reportsReceived.inc({ channel: input.channel, outcome });
    },
  };
  const outages = new OutageWatcher(intake, store, log);
  await outages.load();
  bus.subscribe((change) => outages.onChange(change));
  const ticketSweeps = lifecycleSweeps(intake, store);
  const sweeper = new Sweeper(
    [
      ...ticketSweeps,
      outboxSweep(store.kysely, outboundSenders(config, log), logSender(log), clock, log),
      {
        // Sessions with a live screen open are in use; the rest time out and their sockets close.
        name: "sessions",
        async run() {
          await access.sessions.touch(hub.openSessions());
          await access.sessions.sweep();
        },
      },
      {
        name: "day",
        async run() {
          if (!projections.dayChanged()) return;
          await projections.rebuild(store);
          await hub.resyncAll();
        },
      },
    ],
    log,
  );

  let shuttingDown = false;
  app.use(securityHeaders(config));
  app.use(authenticate(access));
  app.use(requireSignedIn());
  app.use("/api", compressJson());
  const inbox = new Inbox(store.kysely, log, WEBHOOK_LANE, () => clock.now());
  const imports = new Inbox(store.kysely, log, [CALL_CENTRE_CSV], () => clock.now());
  registerInboxChannels(inbox, imports, intake, log);
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
  app.use(express.json({ limit: "64kb" }));
  app.use(opsRouter({ store, metrics, isShuttingDown: () => shuttingDown }));
  app.use(reportsRouter(intake, guard, access.keys));
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
  app.use(adminRouter({ store, network, officers, settings, clock, guard, audit: access.audit }));
  app.use(accessAdminRouter({ access, guard, clock: accessClock }));
  app.use(incidentsRouter(intake, store, guard));
  app.use(demoRouter({ status: () => demoStatus(config, store) }));
  app.use(statsRouter({ store, network, projections, settings, clock, guard }));
  const consumersByDistrict: Record<string, number> = {};
  for (const [feederId, n] of await store.consumersPerFeeder()) {
    const d = network.unit(feederId)?.districtId;
    if (d) consumersByDistrict[d] = (consumersByDistrict[d] ?? 0) + n;
  }
  app.use(
    networkRouter({
      network: () => network,
      generated: () => generated,
      consumersByDistrict: () => consumersByDistrict,
    }),
  );
  app.use("/api", (_req, res) => {
    res.status(404).json({ error: { code: "not_found", message: "no such API endpoint" } });
  });
  app.use(staticRouter(config.CLIENT_DIR));
  app.use(errorHandler(log));

  const demo = config.SIMULATOR
    ? createDemo({
        config,
        store,
        network,
        intake,
        clock,
        bus,
        outages,
        projections,
        sweeps: ticketSweeps,
        log,
      })
    : null;
  let simulator: RunningSimulator | null = null;
  const nigrani: NigraniApp = {
    config,
    store,
    network,
    projections,
    hub,
    intake,
    inbox,
    imports,
    sweeper,
    officers,
    settings,
    access,
    outages,
    metrics,
    clock,
    log,
    http: server,
    io,
    get simulator() {
      return simulator;
    },
    demo,
    async listen() {
      // The demo's history is written before the first request is served.
      await demo?.prepare();
      await new Promise<void>((resolve, reject) => {
        // A port in use is an 'error' event, not an exception: reject so the caller can say so.
        server.once("error", reject);
        server.listen(config.PORT, config.HOST, () => {
          server.off("error", reject);
          resolve();
        });
      });
      const addr = server.address();
      const port = typeof addr === "object" && addr ? addr.port : config.PORT;
      // At SIM_SPEED n the sweep runs n times as often, so the SLA clock keeps pace with the demo's.
      const speed = demo ? config.SIM_SPEED : 1;
      if (config.NODE_ENV !== "test")
        sweeper.start(Math.max(100, Math.round(config.SWEEP_INTERVAL_MS / speed)));
      if (demo) simulator = demo.start();
      // Deliveries stored before a crash or restart are finished first.
      inbox.kick();
      imports.kick();
      const url = `http://${config.HOST === "0.0.0.0" ? "localhost" : config.HOST}:${port}`;
      log.info({ url }, "Nigrani is listening");
      return url;
    },
    async close() {
      shuttingDown = true;
      simulator?.stop();
      await sweeper.stop();
      await outages.settle();
      await inbox.close();
      await imports.close();
      hub.close();
      // io.close() disconnects sockets and closes the HTTP server, which waits for in-flight requests.
      const closed = new Promise<void>((resolve) => server.once("close", () => resolve()));
      // Keep-alive connections that finish their last request while we wait are let go at once.
      const idle = setInterval(() => server.closeIdleConnections(), 50);
      server.closeIdleConnections();
      await new Promise<void>((resolve) => void io.close(() => resolve()));
      if (server.listening) await closed;
      clearInterval(idle);
      await bus.close();
      await store.close();
    },
  };
  return nigrani;
}

/**
 * helmet with a content security policy the SPA lives within: scripts and fonts only from here,
 * inline styles (Leaflet positions its panes with them), images from here, data: URIs and the
 * configured tile server, and the live socket on this origin.
 */
function securityHeaders(config: Config) {
  const production = config.NODE_ENV === "production";
  const wsOrigin = new URL(config.PUBLIC_URL).origin.replace(/^http/, "ws");
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
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
