import type { Logger } from "pino";
import type { Clock } from "../clock/clock.js";
import type { Config } from "../config.js";
import { ingestReport, type IntakeContext } from "../intake/ingest.js";
import type { Network } from "../network/loaded-network.js";
import type { Store } from "../store/store.js";
import { createSimulator } from "./simulator.js";

export interface RunningSimulator {
  stop(): void;
  stormNow(substationId?: string): void;
}

/**
 * Starts the demo stream: the simulator submits through the same intake as every channel, so
 * what the demo shows is what a real report would do.
 */
export function startDemoSimulator(deps: {
  config: Config;
  store: Store;
  network: Network;
  intake: IntakeContext;
  clock: Clock;
  log: Logger;
}): RunningSimulator {
  const { config, store, network, intake, log } = deps;
  const districtNames = new Map(
    [...network.districts.values()].map((d) => [d.id, { name: d.name, nameHi: d.nameHi }]),
  );
  const sim = createSimulator({
    seed: config.SIM_SEED,
    ratePerHour: config.SIM_RATE,
    stormsPerHour: config.SIM_STORMS_PER_HOUR,
    feeders: network.feeders,
    units: network.units,
    districtNames,
    async consumerOn(feederId, rnd) {
      const c = await store.consumerOnFeeder(feederId, rnd);
      return c ? { account: c.account, feederId: c.feeder_id, phone: c.phone } : null;
    },
    // Failures propagate so the simulator logs and counts them in stats().failed.
    // Recorded as the simulator's own intake key, so simulated reports are told apart everywhere.
    submit: (input) => ingestReport(intake, input, { actor: "key:simulator" }),
    now: () => deps.clock.now(),
    log: (msg, data) => log.info({ sim: data }, msg),
  });
  sim.start();
  log.info({ ratePerHour: config.SIM_RATE, seed: config.SIM_SEED }, "demo simulator streaming");
  return sim;
}
