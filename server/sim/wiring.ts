import type { Logger } from "pino";
import { CATEGORY_IDS } from "../../shared/domain.js";
import type { ReportInput } from "../../shared/schemas.js";
import type { Clock } from "../clock/clock.js";
import type { Config } from "../config.js";
import { ingestReport, type IntakeContext } from "../intake/ingest.js";
import type { Network } from "../network/loaded-network.js";
import type { Store } from "../store/store.js";
import type { FiledReport } from "../tickets/commands.js";
import type { SimPeople } from "./people.js";
import { createSimulator, type SimStats } from "./simulator.js";
import type { GeneratedReport, StreamDeps } from "./stream.js";

export interface RunningSimulator {
  stop(): void;
  stormNow(substationId?: string): void;
  stats(): SimStats;
}

/** What the simulator's stream draws on: the network, its consumers, and a rate. */
export function simStreamDeps(
  config: Config,
  store: Store,
  network: Network,
  ratePerHour: number,
): StreamDeps {
  return {
    seed: config.SIM_SEED,
    ratePerHour,
    stormsPerHour: config.SIM_STORMS_PER_HOUR,
    feeders: network.feeders,
    units: network.units,
    districtNames: new Map(
      [...network.districts.values()].map((d) => [d.id, { name: d.name, nameHi: d.nameHi }]),
    ),
    async consumerOn(feederId, rnd) {
      const c = await store.consumerOnFeeder(feederId, rnd);
      return c ? { account: c.account, feederId: c.feeder_id, phone: c.phone } : null;
    },
  };
}

/**
 * The one place the simulator files a report, live or in the history: through intake like any
 * channel, with the raw payload marked simulated. (When sign-in lands this is where an intake key
 * goes.) The simulated control room is told what the consumer really meant, for triage.
 */
export async function fileSimulatedReport(
  intake: IntakeContext,
  people: SimPeople | null,
  input: ReportInput,
  report: GeneratedReport,
): Promise<FiledReport> {
  const filed = await ingestReport(intake, input, {
    raw: { simulated: true, topic: report.topic, lang: report.lang, storm: report.stormId },
    // Recorded as the simulator's own intake key, so simulated reports are told apart everywhere.
    actor: "key:simulator",
  });
  const category = CATEGORY_IDS.find((c) => c === report.topic) ?? null;
  people?.remember(filed.ticket, { category, feederId: report.feederId });
  return filed;
}

/**
 * Starts the demo: the stream of complaints and the simulated people, both on the demo clock. At
 * SIM_SPEED n a timer of d demo milliseconds waits d/n real ones.
 */
export function startDemoSimulator(deps: {
  config: Config;
  store: Store;
  network: Network;
  intake: IntakeContext;
  clock: Clock;
  people: SimPeople;
  log: Logger;
}): RunningSimulator {
  const { config, store, network, intake, people, log } = deps;
  const speed = config.SIM_SPEED;
  const sim = createSimulator({
    ...simStreamDeps(config, store, network, config.SIM_RATE),
    // Failures propagate so the simulator logs and counts them in stats().failed.
    submit: (input, report) => fileSimulatedReport(intake, people, input, report),
    now: () => deps.clock.now(),
    setTimer(fn, ms) {
      const handle = setTimeout(fn, ms / speed);
      return { cancel: () => clearTimeout(handle) };
    },
    log: (msg, data) => log.info({ sim: data }, msg),
  });
  sim.start();
  let ticking = false;
  const peopleTimer = setInterval(() => {
    if (ticking) return;
    ticking = true;
    people
      .tick()
      .catch((err: unknown) => log.error({ err }, "simulated people failed"))
      .finally(() => (ticking = false));
  }, 1000);
  peopleTimer.unref();
  log.info(
    { ratePerHour: config.SIM_RATE, seed: config.SIM_SEED, speed },
    "demo simulator streaming; simulated officers and consumers at work",
  );
  return {
    stop() {
      clearInterval(peopleTimer);
      sim.stop();
    },
    stormNow: (id) => sim.stormNow(id),
    stats: () => sim.stats(),
  };
}
