import http from "node:http";
import express from "express";
import pino, { type Logger } from "pino";
import { Server } from "socket.io";
import { ROOT_UNIT_ID } from "../shared/domain.js";
import { systemClock, type Clock } from "./clock/clock.js";
import { nodeSweeper } from "./clock/node-sweeps.js";
import type { Sweeper } from "./clock/sweeper.js";
import { reloadCaches, wireClusterSignals } from "./cluster/wire-signals.js";
import { PublicContacts } from "./public/contacts.js";
import { PublicOutageFeed } from "./public/outage-feed.js";
import { seedDemoContacts } from "./public/demo.js";
import { allowedOrigins, isDemoMode, trustProxy, ConfigError, type Config } from "./config.js";
import { Access, seedDemo } from "./access/access.js";
import { cookieToken, viewerForUser } from "./http/auth.js";
import { Guard } from "./http/guard.js";
import { LocalBus, type EventBus } from "./events/bus.js";
import { mountRoutes } from "./http/routes.js";
import { isReportPost } from "./http/report-lane.js";
import type { IntakeContext, TextTriage } from "./intake/ingest.js";
import { LiveHub } from "./live/hub.js";
import { createMetrics, type Metrics } from "./metrics.js";
import { ensureNetwork, networkSource, type NetworkOptions } from "./network/bootstrap.js";
import type { Network } from "./network/loaded-network.js";
import { Projections } from "./projections/counts.js";
import { openStore } from "./store/open.js";
import type { Store } from "./store/store.js";
import { TicketWriter } from "./tickets/writer.js";
import { SettingsStore } from "./tickets/settings.js";
import { lifecycleSweeps } from "./tickets/timed.js";
import { Officers } from "./officers/officers.js";
import { generateOfficers } from "./officers/generate.js";
import { CALL_CENTRE_CSV, registerInboxChannels, WEBHOOK_LANE } from "./inbox/channels.js";
import { Inbox } from "./inbox/inbox.js";
import { claimOwnerFor } from "./inbox/claims.js";
import { OutageWatcher } from "./incidents/watcher.js";
import { createTextTriage } from "./triage/text-triage.js";
import type { RunningSimulator } from "./sim/wiring.js";
import { createDemo, demoClock, type Demo } from "./sim/demo.js";
import { openCluster, type Cluster } from "./cluster/cluster.js";
import { registerClusterMetrics } from "./cluster/metrics.js";
import type { NoticeDeps } from "./notices/deps.js";
import { OutageNotices } from "./notices/outages.js";
import { parseQuietHours } from "./notices/quiet-hours.js";

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
  /** The intake context, whose writer is the app's one TicketWriter. */
  intake: IntakeContext & { writer: TicketWriter };
  sweeper: Sweeper;
  officers: Officers;
  settings: SettingsStore;
  access: Access;
  outages: OutageWatcher;
  /** Outage, restoration and shutdown notices (issue 15). */
  notices: { deps: NoticeDeps; outages: OutageNotices };
  /** The public outage feed, kept between the changes it shows. */
  publicOutages: PublicOutageFeed;
  metrics: Metrics;
  clock: Clock;
  log: Logger;
  http: http.Server;
  io: Server;
  simulator: RunningSimulator | null;
  /** The demo's history and simulated people (null when SIMULATOR is off). */
  demo: Demo | null;
  /** This node's part in a cluster (null without REDIS_URL). */
  cluster: Cluster | null;
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
  const store = deps.store ?? (await openStore(config, log));
  // With REDIS_URL this process is one node of several (see README, "Several nodes").
  const cluster = config.REDIS_URL && !deps.bus ? await openCluster(config, store, log) : null;
  const bus = deps.bus ?? cluster?.bus ?? new LocalBus();
  const networkOptions: NetworkOptions = {
    seed: config.NETWORK_SEED,
    feeders: config.NETWORK_FEEDERS,
    consumers: config.NETWORK_CONSUMERS,
  };
  // Seeding an empty database (network, officers, demo sign-ins) runs on one node at a time: a node
  // started beside another waits here, then finds everything written and writes nothing.
  const seeded = await store.holdLock("seed");
  const network = await ensureNetwork(store, networkOptions, log);
  const generated = await networkSource(store);
  const projections = new Projections(clock);

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", trustProxy(config));
  // The report lane is served beside Express once the routes are mounted (http/report-lane.ts).
  let lane: ((req: http.IncomingMessage, res: http.ServerResponse) => void) | null = null;
  const server = http.createServer((req, res) => {
    if (lane && isReportPost(req)) lane(req, res);
    else app(req, res);
  });
  const io = new Server(server, {
    serveClient: false,
    cors: { origin: false },
    // Behind a load balancer without sticky sessions, long-polling's requests would land on
    // different nodes; the client only uses the WebSocket transport.
    ...(cluster ? { adapter: cluster.adapter, transports: ["websocket" as const] } : {}),
  });

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
  // What administrators publish on the public pages; the demo's published numbers are seeded
  // under the seed lock, so a node starting beside another never caches "none".
  const contacts = await PublicContacts.load(store.kysely);
  if (config.SIMULATOR)
    await seedDemoContacts(store.kysely, network, officers, contacts, clock.now().toISOString());
  await seeded();
  // Read after the seed lock is let go: the rebuild only reads, and other nodes need not wait.
  await projections.rebuild(store);
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
  access.sessions.onEnded = (ids) => {
    hub.endSessions(ids);
    cluster?.signals.send({ kind: "sessions-ended", ids: [...ids] });
  };
  bus.subscribe((change) => hub.onChange(change, projections.apply(change)));
  const guard = new Guard(network, access.audit);
  const intake: IntakeContext & { writer: TicketWriter } = {
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
  // Outage inference raises incidents and notices go out: in a cluster only the lease holder does.
  const holdsLease = () => !cluster || cluster.lease.held;
  bus.subscribe((change) => {
    if (holdsLease()) outages.onChange(change);
  });
  // Every node keeps its own copy of the public feed. An incident's change reaches each node's
  // bus; shutdowns and restoration times are told through the notices' deps (and cluster signals).
  const publicOutages = new PublicOutageFeed({ store, network, clock });
  bus.subscribe((change) => {
    if (change.incident) publicOutages.invalidate();
  });
  const noticeDeps: NoticeDeps = {
    db: store.kysely,
    network,
    clock,
    log,
    onPublicOutagesChanged: () => publicOutages.changed(),
    rules: {
      mode: config.OUTAGE_NOTICES,
      quietHours: parseQuietHours(config.NOTICE_QUIET_HOURS),
      ratePerMinute: config.NOTICE_RATE_PER_MINUTE,
      shutdownLeadMs: config.SHUTDOWN_NOTICE_LEAD_HOURS * 3_600_000,
    },
  };
  const outageNotices = new OutageNotices(noticeDeps);
  bus.subscribe((change) => {
    if (holdsLease()) outageNotices.onChange(change);
  });
  const cacheDeps = { settings, officers, keys: access.keys, contacts, publicOutages, store };
  if (cluster) {
    cluster.bus.start(projections.seq, async () => {
      await projections.rebuild(store);
      await reloadCaches(cacheDeps);
      await hub.resyncAll();
      return projections.seq;
    });
    wireClusterSignals(cluster, { ...cacheDeps, hub, log });
    // A node taking over the clock starts from the store's recent supply cuts, not stale ones.
    cluster.lease.onAcquired = () => {
      outages.load().catch((err: unknown) => log.error({ err }, "outage watcher: load failed"));
    };
    registerClusterMetrics(metrics.registry, cluster, projections);
  }
  // Every node works the inbox; each delivery is claimed by one (inbox/claims.ts).
  const claimOwner = claimOwnerFor(config, cluster?.nodeId);
  const inbox = new Inbox(store.kysely, log, WEBHOOK_LANE, () => clock.now(), claimOwner);
  const imports = new Inbox(store.kysely, log, [CALL_CENTRE_CSV], () => clock.now(), claimOwner);
  // The demo's history runs the same sweeps itself, on its own clock (sim/history.ts).
  const ticketSweeps = lifecycleSweeps(intake, store);
  const sweeper = nodeSweeper({
    ticketSweeps,
    store,
    config,
    log,
    clock,
    claimOwner,
    noticeDeps,
    access,
    hub,
    projections,
    inbox,
    imports,
    holdsLease,
  });

  let shuttingDown = false;
  registerInboxChannels(inbox, imports, intake, log);
  ({ reportLane: lane } = await mountRoutes(app, {
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
    contacts,
    publicOutages,
    isShuttingDown: () => shuttingDown,
  }));

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
    notices: { deps: noticeDeps, outages: outageNotices },
    publicOutages,
    metrics,
    clock,
    log,
    http: server,
    io,
    get simulator() {
      return simulator;
    },
    demo,
    cluster,
    async listen() {
      // The demo's history is written before the first request is served.
      const writingHistory = await store.holdLock("seed");
      try {
        await demo?.prepare();
      } finally {
        await writingHistory();
      }
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
      cluster?.lease.start();
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
      // Given up at once, so another node takes over the clock without waiting for it to expire.
      await cluster?.lease.stop();
      await outages.settle();
      await outageNotices.settle();
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
      await cluster?.close();
      await store.close();
    },
  };
  return nigrani;
}
