import type { TextTriage } from "../intake/ingest.js";
import type { Network } from "../network/loaded-network.js";
import { categorise, confidenceThreshold } from "./categorise.js";
import { buildGazetteer, findPlace } from "./places.js";

/** Wires the categoriser and the place finder to the loaded network's names. */
export function createTextTriage(network: Network): TextTriage {
  const districts = [...network.districts.values()].map((d) => ({
    id: d.id,
    name: d.name,
    nameHi: d.nameHi,
  }));
  const units = [...network.units.values()]
    .filter((u) => u.kind === "substation" || u.kind === "feeder")
    .map((u) => ({
      id: u.id,
      kind: u.kind,
      name: u.name,
      nameHi: u.nameHi,
      districtId: u.districtId,
    }));
  const gazetteer = buildGazetteer(districts, units);
  // Load the model now (about 0.4 s) rather than on the first report a channel is waiting on.
  confidenceThreshold();
  return {
    categorise,
    findPlace: (text) => findPlace(text, gazetteer),
  };
}
