/**
 * A small hand-made network for the simulator's tests: six discoms in two states, each with two
 * substations of three to five feeders, half urban. Enough for the weighting and storms to show.
 */
import type { UnitKind } from "../../../shared/domain.js";
import type { Unit } from "../../../shared/network.js";
import type { SimConsumer, SimulatorDeps } from "../../../server/sim/index.js";

const DISCOMS = [
  {
    id: "mvvnl",
    name: "Madhyanchal Vidyut Vitran Nigam Ltd",
    state: "up",
    district: ["lucknow", "Lucknow", "लखनऊ", 26.85, 80.95],
  },
  {
    id: "pvvnl",
    name: "Paschimanchal Vidyut Vitran Nigam Ltd",
    state: "up",
    district: ["meerut", "Meerut", "मेरठ", 28.98, 77.7],
  },
  {
    id: "dvvnl",
    name: "Dakshinanchal Vidyut Vitran Nigam Ltd",
    state: "up",
    district: ["agra", "Agra", "आगरा", 27.18, 78.0],
  },
  {
    id: "puvvnl",
    name: "Purvanchal Vidyut Vitran Nigam Ltd",
    state: "up",
    district: ["gorakhpur", "Gorakhpur", "गोरखपुर", 26.76, 83.37],
  },
  {
    id: "kesco",
    name: "Kanpur Electricity Supply Company",
    state: "up",
    district: ["kanpur-nagar", "Kanpur Nagar", "कानपुर नगर", 26.45, 80.33],
  },
  {
    id: "sbpdcl",
    name: "South Bihar Power Distribution Company",
    state: "br",
    district: ["patna", "Patna", "पटना", 25.6, 85.14],
  },
] as const;

export interface FakeNetwork {
  units: Map<string, Unit>;
  feeders: Unit[];
  districtNames: Map<string, { name: string; nameHi: string }>;
  substations: Unit[];
}

export function fakeNetwork(): FakeNetwork {
  const units = new Map<string, Unit>();
  const districtNames = new Map<string, { name: string; nameHi: string }>();
  const add = (
    id: string,
    kind: UnitKind,
    parent: Unit | null,
    name: string,
    nameHi: string,
    lat: number,
    lon: number,
    extra: Partial<Unit> = {},
  ): Unit => {
    const unit: Unit = {
      id,
      kind,
      parentId: parent?.id ?? null,
      name,
      nameHi,
      lat,
      lon,
      path: [...(parent?.path ?? []), id],
      districtId: parent?.districtId ?? null,
      synthetic: true,
      ...extra,
    };
    units.set(id, unit);
    return unit;
  };
  const root = add("network", "network", null, "Network", "नेटवर्क", 26.8, 80.9);
  const states = {
    up: add("up", "state", root, "Uttar Pradesh", "उत्तर प्रदेश", 26.8, 80.9),
    br: add("br", "state", root, "Bihar", "बिहार", 25.6, 85.1),
  };
  for (const d of DISCOMS) {
    const [districtId, dName, dNameHi, lat, lon] = d.district;
    districtNames.set(districtId, { name: dName, nameHi: dNameHi });
    const discom = add(d.id, "discom", states[d.state], d.name, d.name, lat, lon);
    const zone = add(`${d.id}-z1`, "zone", discom, `${dName} Zone`, `${dNameHi} क्षेत्र`, lat, lon);
    const circle = add(
      `${d.id}-c1`,
      "circle",
      zone,
      `${dName} Circle`,
      `${dNameHi} मंडल`,
      lat,
      lon,
      { districtId, code: d.id.slice(0, 3).toUpperCase() },
    );
    const division = add(
      `${d.id}-d1`,
      "division",
      circle,
      `${dName} Division`,
      `${dNameHi} खंड`,
      lat,
      lon,
    );
    const sub = add(
      `${d.id}-sd1`,
      "subdivision",
      division,
      `${dName} Sub-division`,
      `${dNameHi} उपखंड`,
      lat,
      lon,
    );
    for (let s = 1; s <= 2; s++) {
      const ss = add(
        `${d.id}-ss${s}`,
        "substation",
        sub,
        `${dName} SS ${s}`,
        `${dNameHi} उपकेंद्र ${s}`,
        lat + s * 0.02,
        lon,
      );
      const count = 2 + s + (d.id.length % 2);
      for (let f = 1; f <= count; f++) {
        add(
          `${ss.id}-f${f}`,
          "feeder",
          ss,
          `${dName} ${s}-${f}`,
          `${dNameHi} ${s}-${f}`,
          lat + s * 0.02 + f * 0.005,
          lon + f * 0.005,
          {
            urban: f % 2 === 1,
          },
        );
      }
    }
  }
  const all = [...units.values()];
  return {
    units,
    districtNames,
    feeders: all.filter((u) => u.kind === "feeder"),
    substations: all.filter((u) => u.kind === "substation"),
  };
}

/** Half the feeders' consumers are findable, as when the store has a consumer on most feeders. */
export function fakeConsumerOn(feederId: string, rnd: number): SimConsumer | null {
  if (rnd > 0.9) return null;
  const n = Math.floor(rnd * 1_000_000);
  return {
    account: `33${String(n).padStart(8, "0")}`,
    feederId,
    phone: `90001${String(n % 100_000).padStart(5, "0")}`,
  };
}

export function simDeps(
  overrides: Partial<Omit<SimulatorDeps, "submit">> = {},
): Omit<SimulatorDeps, "submit"> {
  const net = fakeNetwork();
  return {
    seed: 42,
    ratePerHour: 600,
    feeders: net.feeders,
    units: net.units,
    districtNames: net.districtNames,
    consumerOn: fakeConsumerOn,
    now: () => new Date("2025-05-21T08:30:00Z"),
    ...overrides,
  };
}
