import http from "node:http";
import express from "express";
import pino, { type Logger } from "pino";
import { Server } from "socket.io";
import { ROOT_UNIT_ID } from "../shared/domain.js";
import { systemClock, type Clock } from "./clock/clock.js";
import { Sweeper } from "./clock/sweeper.js";
import type { Config } from "./config.js";
import { LocalBus, type EventBus } from "./events/bus.js";
import { errorHandler } from "./http/errors.js";
import { networkRouter } from "./http/network.js";
import { opsRouter } from "./http/ops.js";
import { reportsRouter } from "./http/reports.js";
import { staticRouter } from "./http/static.js";
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
import { ticketActionsRouter } from "./http/ticket-actions.js";
import { trackRouter } from "./http/track.js";
import { adminRouter } from "./http/admin.js";
import { incidentsRouter } from "./http/incidents.js";
import { statsRouter } from "./http/stats.js";
import { appendCorrection } from "./triage/corrections.js";
import { OutageWatcher } from "./incidents/watcher.js";
import { createTextTriage } from "./triage/text-triage.js";
import { startDemoSimulator, type RunningSimulator } from "./sim/wiring.js";

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
  intake: IntakeContext;
  sweeper: Sweeper;
  officers: Officers;
  settings: SettingsStore;
  outages: OutageWatcher;
  metrics: Metrics;
  clock: Clock;
  log: Logger;
  http: http.Server;
  io: Server;
  simulator: RunningSimulator | null;
  /** Starts listening; resolves with the base URL. */
  listen(): Promise<string>;
  /** Graceful shutdown: stop taking work, finish in-flight requests, close sockets and the store. */
  close(): Promise<void>;
}

/** Builds the whole server from its dependencies; index.ts reads the environment and calls this. */
export async function createApp(deps: AppDeps): Promise<NigraniApp> {
  const { config } = deps;
  const log = deps.log ?? pino({ level: config.LOG_LEVEL });
  const clock = deps.clock ?? systemClock;
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
  const server = http.createServer(app);
  const io = new Server(server, { serveClient: false, cors: { origin: false } });
  const hub = new LiveHub(io, { store, network, projections, log });
  bus.subscribe((change) => hub.onChange(change, projections.apply(change)));

  const metrics = createMetrics({
    openTickets: () => projections.counts(ROOT_UNIT_ID).open,
    socketClients: () => hub.clientCount,
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
  const sweeper = new Sweeper(
    [
      ...lifecycleSweeps(intake, store),
      outboxSweep(store.kysely, outboundSenders(config, log), logSender(log), clock, log),
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
  for (const router of channelRouters({ config, intake, log, metrics })) app.use(router);
  app.use(express.json({ limit: "256kb" }));
  app.use(opsRouter({ store, metrics, isShuttingDown: () => shuttingDown }));
  app.use(reportsRouter(intake));
  app.use(ticketsRouter({ store, network, officers, settings, clock }));
  app.use(
    ticketActionsRouter(intake, {
      async onCorrection(ticketId, category) {
        const [first] = await store.reportsOfTicket(ticketId);
        if (first && config.DATA_DIR !== ":memory:")
          appendCorrection(config.DATA_DIR, first.text, category);
      },
    }),
  );
  app.use(trackRouter({ ctx: intake, store, officers }));
  app.use(adminRouter({ store, network, officers, settings, clock }));
  app.use(incidentsRouter(intake, store));
  app.use(statsRouter({ store, network, projections, settings, clock }));
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

  let simulator: RunningSimulator | null = null;
  const nigrani: NigraniApp = {
    config,
    store,
    network,
    projections,
    hub,
    intake,
    sweeper,
    officers,
    settings,
    outages,
    metrics,
    clock,
    log,
    http: server,
    io,
    get simulator() {
      return simulator;
    },
    async listen() {
      await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve));
      const addr = server.address();
      const port = typeof addr === "object" && addr ? addr.port : config.PORT;
      if (config.NODE_ENV !== "test") sweeper.start(config.SWEEP_INTERVAL_MS);
      if (config.SIMULATOR)
        simulator = startDemoSimulator({ config, store, network, intake, clock, log });
      const url = `http://${config.HOST === "0.0.0.0" ? "localhost" : config.HOST}:${port}`;
      log.info({ url }, "Nigrani is listening");
      return url;
    },
    async close() {
      shuttingDown = true;
      simulator?.stop();
      await sweeper.stop();
      await outages.settle();
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
