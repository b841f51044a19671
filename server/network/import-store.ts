import fs from "node:fs";
import type { Unit } from "../../shared/network.js";
import { generateOfficers } from "../officers/generate.js";
import { Officers } from "../officers/officers.js";
import type { Store } from "../store/store.js";
import { loadDistricts } from "./districts.js";
import { parseNetworkImport } from "./import.js";

export interface ImportOutcome {
  ok: boolean;
  units?: number;
  feeders?: number;
  errors?: { line: number; field: string | null; message: string }[];
}

/**
 * Loads a discom's own network file into the store, replacing the demo network: all or nothing.
 * The demo consumers and officers belong to the old network, so they go with it; officers are
 * generated for the new units until the discom imports its own list.
 */
export async function importNetworkFile(
  store: Store,
  file: string,
  seed: number,
): Promise<ImportOutcome> {
  const format = /\.(geo)?json$/i.test(file) ? "geojson" : "csv";
  const parsed = parseNetworkImport(fs.readFileSync(file, "utf8"), format, loadDistricts());
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const units: Unit[] = parsed.units;
  if (!units.some((u) => u.id === "network")) {
    units.unshift({
      id: "network",
      kind: "network",
      parentId: null,
      name: "Whole network",
      nameHi: "संपूर्ण नेटवर्क",
      lat: 25.5,
      lon: 82,
      path: ["network"],
      districtId: null,
      synthetic: false,
    });
  }
  await store.replaceNetwork(units, [], {
    network: JSON.stringify({ source: "imported", file, at: new Date().toISOString() }),
  });
  await Officers.replaceAll(store.kysely, generateOfficers(units, seed));
  return {
    ok: true,
    units: units.length,
    feeders: units.filter((u) => u.kind === "feeder").length,
  };
}
