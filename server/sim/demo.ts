import type { Logger } from "pino";
import type { Clock } from "../clock/clock.js";
import { DemoClock, isSettable } from "../clock/demo-clock.js";
import type { SweepTask } from "../clock/sweeper.js";
import type { Config } from "../config.js";
import type { EventBus } from "../events/bus.js";
import type { OutageWatcher } from "../incidents/watcher.js";
import type { IntakeContext } from "../intake/ingest.js";
import type { Network } from "../network/loaded-network.js";
import type { Projections } from "../projections/counts.js";
import type { Store } from "../store/store.js";
import type { DemoStatus } from "../../shared/demo.js";
import { HISTORY_MARKER, backfillHistory, type HistoryResult } from "./history.js";
import { SIM_ACTOR_PREFIX, SimPeople } from "./people.js";
import {
  fileSimulatedReport,
  simStreamDeps,
  startDemoSimulator,
  type RunningSimulator,
} from "./wiring.js";

/** The history has this many times fewer storms than the live stream (about six in 14 days). */
const HISTORY_STORM_DIVISOR = 8;

export interface Demo {
  people: SimPeople;
  /** Writes the history (first start only), then sets the clock running; before serving. */
  prepare(): Promise<HistoryResult | null>;
  start(): RunningSimulator;
}

/** What the About page says about the demo (also when the simulator is off but a history exists). */
export async function demoStatus(config: Config, store: Store): Promise<DemoStatus> {
  const raw = await store.getMeta(HISTORY_MARKER);
  const h = raw ? (JSON.parse(raw) as HistoryResult) : null;
  return {
    simulator: config.SIMULATOR,
    speed: config.SIMULATOR ? config.SIM_SPEED : 1,
    ratePerHour: config.SIMULATOR ? config.SIM_RATE : 0,
    history: h
      ? { from: h.from, to: h.to, days: h.days, reports: h.reports, tickets: h.tickets }
      : null,
    actorPrefix: SIM_ACTOR_PREFIX,
  };
}

/** The demo's clock: SIM_SPEED times real time while the simulator runs, else the system's. */
export function demoClock(config: Config): DemoClock | null {
  return config.SIMULATOR ? new DemoClock(config.SIM_SPEED) : null;
}

/** The demo as one piece: history, simulated people and the live stream, wired by app.ts. */
export function createDemo(deps: {
  config: Config;
  store: Store;
  network: Network;
  intake: IntakeContext;
  clock: Clock;
  bus: EventBus;
  outages: OutageWatcher;
  projections: Projections;
  sweeps: SweepTask[];
  log: Logger;
}): Demo {
  const { config, store, network, intake, clock, log } = deps;
  const people = new SimPeople(intake, config.SIM_SEED, log);
  deps.bus.subscribe((change) => people.onChange(change));
  return {
    people,
    async prepare() {
      // The clock may have raced ahead at SIM_SPEED while the network loaded: the history ends now.
      if (clock instanceof DemoClock) clock.run(new Date(0));
      let history: HistoryResult | null = null;
      if (isSettable(clock))
        history = await backfillHistory({
          store,
          clock,
          stream: {
            ...simStreamDeps(config, store, network, config.SIM_HISTORY_RATE),
            // Each storm files dozens of reports; the history keeps a few, so first start stays quick.
            stormsPerHour: config.SIM_STORMS_PER_HOUR / HISTORY_STORM_DIVISOR,
          },
          days: config.SIM_HISTORY_DAYS,
          people,
          outages: deps.outages,
          sweeps: deps.sweeps,
          file: (report) => fileSimulatedReport(intake, people, report.input, report),
          log,
        });
      else if (config.SIM_HISTORY_DAYS > 0) log.warn("this clock cannot be set; no demo history");
      if (clock instanceof DemoClock) {
        // After a fast demo the store may be ahead of real time: the clock never runs backwards.
        const last = await store.kysely
          .selectFrom("ticket_events")
          .select("at")
          .orderBy("seq", "desc")
          .limit(1)
          .executeTakeFirst();
        clock.run(
          last ? new Date(Math.max(Date.parse(last.at), clock.now().getTime())) : undefined,
        );
      }
      await people.load();
      await deps.outages.load();
      await deps.projections.rebuild(store);
      return history;
    },
    start: () => startDemoSimulator({ config, store, network, intake, clock, people, log }),
  };
}
