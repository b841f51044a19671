import type { Logger } from "pino";
import type { Store } from "../store/store.js";
import { loadDistricts } from "./districts.js";
import { generateConsumers, generateNetwork } from "./generate.js";
import { Network } from "./loaded-network.js";

export interface NetworkOptions {
  seed: number;
  feeders: number;
  consumers: number;
}

/**
 * Loads the network from the store, generating the synthetic demo network (and its consumers) on
 * first start. A store that already has a network (generated or imported) keeps it.
 */
export async function ensureNetwork(
  store: Store,
  opts: NetworkOptions,
  log?: Logger,
): Promise<Network> {
  if ((await store.unitCount()) === 0) {
    const started = Date.now();
    const units = generateNetwork({ seed: opts.seed, feeders: opts.feeders });
    const consumers = generateConsumers(units, { seed: opts.seed, count: opts.consumers });
    const rows = (function* () {
      for (const c of consumers)
        yield {
          account: c.account,
          feeder_id: c.feederId,
          name: c.name,
          name_hi: c.nameHi,
          phone: c.phone,
        };
    })();
    await store.replaceNetwork(units, rows, {
      network: JSON.stringify({ source: "generated", ...opts }),
    });
    log?.info(
      { ...opts, units: units.length, ms: Date.now() - started },
      "generated the synthetic network",
    );
  }
  const units = await store.loadUnits();
  return new Network(units, loadDistricts());
}

/** The parameters of the generated network in the store, or null for an imported one. */
export async function networkSource(store: Store): Promise<NetworkOptions | null> {
  const raw = await store.getMeta("network");
  if (!raw) return null;
  const meta = JSON.parse(raw) as { source: string } & NetworkOptions;
  return meta.source === "generated"
    ? { seed: meta.seed, feeders: meta.feeders, consumers: meta.consumers }
    : null;
}
