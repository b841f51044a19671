/**
 * The synthetic demo network: network > states > discoms > zones > circles > divisions >
 * sub-divisions > 33/11 kV substations > 11 kV feeders, laid over the real district map. No open
 * data exists below the district (data/SOURCES.md), so everything from the zone down is invented,
 * deterministically: the same seed and size give the same units, id for id.
 */
import { A_CLASS_CITY_DISTRICTS, ROOT_UNIT_ID, UNIT_KIND_LABELS } from "../../shared/domain.js";
import type { UnitKind } from "../../shared/domain.js";
import type { Unit } from "../../shared/network.js";
import { districtGeometries, loadDistrictFacts } from "./districts.js";
import type { DistrictFacts } from "./districts.js";
import {
  deriveSeed,
  mulberry32,
  pointInGeometry,
  pointNear,
  randomPointInArea,
  round5,
  toArea,
} from "./geo.js";
import type { Area, Rng } from "./geo.js";
import { NamePool, label } from "./names.js";
import type { PlaceName } from "./names.js";
import { BIG_CITY_DISTRICTS } from "./places.js";
import { DISCOMS, STATES, circleCode, districtCodes, zoneSeat } from "./organisation.js";
import { apportion, planDistricts, splitBalanced, unitSizes } from "./plan.js";
import type { DistrictPart } from "./plan.js";

export { generateConsumers, isValidAccount } from "./consumers.js";
export type { Consumer } from "./consumers.js";

export interface GenerateOptions {
  seed: number;
  /** Number of 11 kV feeders wanted; the result has exactly this many (at least 3 per district). */
  feeders: number;
}

type Point = { lat: number; lon: number };

/** Everything the generator keeps per district while it works through the parts. */
interface DistrictContext {
  facts: DistrictFacts;
  area: Area;
  rng: Rng;
  pool: NamePool;
  hq: Point;
  code: string;
  /** Urban spread around the HQ, km: cities sprawl, district towns do not. */
  cityKm: number;
  ruralCentres: Point[];
  hqNamed: boolean;
}

const A_CLASS = new Set<string>(A_CLASS_CITY_DISTRICTS);
const BIG = new Set(BIG_CITY_DISTRICTS);

/** Generates the network; see the module comment. Runs in well under a second for 20,000 feeders. */
export function generateNetwork(opts: GenerateOptions): Unit[] {
  const facts = loadDistrictFacts();
  const byId = new Map(facts.map((d) => [d.id, d]));
  const geometries = districtGeometries();
  const codes = districtCodes(facts);
  const usedCodes = new Set(codes.values());
  const sizes = unitSizes(opts.feeders);
  const parts = planDistricts(facts, Math.max(0, Math.floor(opts.feeders)));
  const units: Unit[] = [];
  const contexts = new Map<string, DistrictContext>();

  const hqOf = (districtId: string): Point => {
    const d = byId.get(districtId);
    if (!d) throw new Error(`unknown district ${districtId}`);
    return { lat: d.hq.lat, lon: d.hq.lon };
  };
  const add = (
    parent: Unit | null,
    id: string,
    kind: UnitKind,
    name: PlaceName,
    at: Point,
    extra: Partial<Unit> = {},
  ): Unit => {
    const unit: Unit = {
      id,
      kind,
      parentId: parent?.id ?? null,
      name: name.en,
      nameHi: name.hi,
      lat: at.lat,
      lon: at.lon,
      path: parent ? [...parent.path, id] : [id],
      districtId: null,
      synthetic: !["network", "state", "discom"].includes(kind),
      ...extra,
    };
    units.push(unit);
    return unit;
  };
  const contextOf = (d: DistrictFacts): DistrictContext => {
    let ctx = contexts.get(d.id);
    if (ctx) return ctx;
    const geometry = geometries.get(d.id);
    if (!geometry) throw new Error(`no boundary for district ${d.id}`);
    const rng = mulberry32(deriveSeed(opts.seed, d.id));
    const hq = { lat: d.hq.lat, lon: d.hq.lon };
    const hqPlace = { en: d.hq.name, hi: d.hqNameHi };
    ctx = {
      facts: d,
      area: toArea(geometry),
      rng,
      pool: new NamePool(d.id, [hqPlace], rng),
      hq,
      code: codes.get(d.id) ?? d.id.slice(0, 3).toUpperCase(),
      cityKm: d.id === "lucknow" || d.id === "kanpur-nagar" ? 6 : BIG.has(d.id) ? 4.5 : 1.8,
      ruralCentres: [hq],
      hqNamed: false,
    };
    contexts.set(d.id, ctx);
    return ctx;
  };

  const ukHq = STATES.map((s) => hqOf(s.hqDistrict));
  const root = add(null, ROOT_UNIT_ID, "network", UNIT_KIND_LABELS.network, {
    lat: round5(ukHq.reduce((a, p) => a + p.lat, 0) / ukHq.length),
    lon: round5(ukHq.reduce((a, p) => a + p.lon, 0) / ukHq.length),
  });
  const stateUnits = new Map(
    STATES.map((s) => [s.id, add(root, s.id, "state", s.name, hqOf(s.hqDistrict))]),
  );

  for (const discom of DISCOMS) {
    const parent = stateUnits.get(discom.state);
    if (!parent) continue;
    const discomUnit = add(parent, discom.id, "discom", discom.name, hqOf(discom.hqDistrict));
    // Zones in order of their first district, each holding its districts' parts in file order.
    const zones = new Map<string, DistrictPart[]>();
    for (const part of parts) {
      if (part.discom !== discom.id) continue;
      const seat = zoneSeat(part.district, discom.id).en;
      zones.set(seat, [...(zones.get(seat) ?? []), part]);
    }
    let zoneNo = 0;
    for (const [seat, zoneParts] of zones) {
      const seatDistrict =
        zoneParts.find((p) => p.district.name === seat || p.district.hq.name === seat) ??
        zoneParts.find((p) => seat === "Devipatan" && p.district.id === "gonda") ??
        zoneParts[0];
      const zone = add(
        discomUnit,
        `${discom.id}-Z${++zoneNo}`,
        "zone",
        label.zone(zoneSeat(seatDistrict.district, discom.id)),
        hqOf(seatDistrict.district.id),
      );
      for (const part of zoneParts) buildPart(zone, part, contextOf(part.district));
    }
  }
  return units;

  function buildPart(zone: Unit, part: DistrictPart, ctx: DistrictContext): void {
    const { rng } = ctx;
    const perSub = sizes.perSubstation * sizes.substationsPerSub;
    const perDivision = perSub * sizes.subsPerDivision;
    const urbanDivs = share(part.urban, perDivision, rng);
    const ruralDivs = share(part.rural, perDivision, rng);
    const divisions = [
      ...urbanDivs.map((f) => ({ urban: true, feeders: f })),
      ...ruralDivs.map((f) => ({ urban: false, feeders: f })),
    ];
    const chunks = splitBalanced(divisions, Math.min(part.circles, divisions.length));
    const districtId = ctx.facts.id;
    const sharedUrbanHq = !BIG.has(districtId);

    chunks.forEach((chunk, ci) => {
      const n = part.firstCircle + ci;
      const circleAt =
        n === 1 ? ctx.hq : inside(ctx, pointNear(ctx.area, ctx.hq, 2.5, rng), ctx.hq);
      const circle = add(
        zone,
        `${ctx.code}${n}`,
        "circle",
        label.circle(part.circleSeat, chunks.length > 1 ? ci + 1 : null),
        circleAt,
        {
          districtId,
          code: circleCode(ctx.code, n, usedCodes),
        },
      );
      chunk.forEach((div, di) => {
        // A district town's first urban division carries the town's name, as real ones do.
        const place = !div.urban
          ? ctx.pool.ruralName()
          : sharedUrbanHq && !ctx.hqNamed
            ? ((ctx.hqNamed = true), { en: ctx.facts.hq.name, hi: ctx.facts.hqNameHi })
            : ctx.pool.urbanName();
        const divAt = div.urban
          ? inside(ctx, pointNear(ctx.area, ctx.hq, ctx.cityKm * 0.6, rng), ctx.hq)
          : spreadCentre(ctx);
        const division = add(
          circle,
          `${circle.id}-D${di + 1}`,
          "division",
          label.division(place),
          divAt,
          { districtId },
        );
        buildDivision(division, place, div.urban, div.feeders, ctx, perSub, ruralDivs.length);
      });
    });
  }

  function buildDivision(
    division: Unit,
    place: PlaceName,
    urban: boolean,
    feeders: number,
    ctx: DistrictContext,
    perSub: number,
    ruralDivisions: number,
  ): void {
    const { rng } = ctx;
    const districtId = ctx.facts.id;
    const ruralKm = Math.sqrt(ctx.facts.areaKm2 / Math.max(1, ruralDivisions)) / 3;
    const subs = share(feeders, perSub, rng);
    subs.forEach((subFeeders, si) => {
      const subPlace = si === 0 ? place : urban ? ctx.pool.urbanName() : ctx.pool.ruralName();
      const subAt =
        si === 0
          ? division
          : inside(
              ctx,
              pointNear(ctx.area, division, urban ? ctx.cityKm * 0.5 : ruralKm, rng),
              division,
            );
      const sub = add(
        division,
        `${division.id}-S${si + 1}`,
        "subdivision",
        label.subdivision(subPlace),
        subAt,
        { districtId },
      );
      const stations = share(subFeeders, sizes.perSubstation, rng);
      stations.forEach((ssFeeders, ki) => {
        const ssPlace = ki === 0 ? subPlace : urban ? ctx.pool.urbanName() : ctx.pool.ruralName();
        const spread = ki === 0 ? 0.4 : urban ? ctx.cityKm * 0.3 : ruralKm / 1.8;
        const ssAt = inside(ctx, pointNear(ctx.area, sub, spread, rng), sub);
        const ss = add(
          sub,
          `${sub.id}-SS${ki + 1}`,
          "substation",
          label.substation(ssPlace),
          ssAt,
          { districtId },
        );
        for (let f = 1; f <= ssFeeders; f++) {
          const at = inside(ctx, pointNear(ctx.area, ss, urban ? 0.7 : 2.5, rng), ss);
          add(ss, `${ss.id}-F${f}`, "feeder", label.feeder(ssPlace, f, urban), at, {
            districtId,
            urban,
            aClass: urban && A_CLASS.has(districtId),
          });
        }
      });
    });
  }

  /** Rural division seats spread over the district: best of 8 candidates, furthest from the others. */
  function spreadCentre(ctx: DistrictContext): Point {
    const cos = Math.cos((ctx.hq.lat * Math.PI) / 180);
    let best: Point = ctx.hq;
    let bestD = -1;
    for (let k = 0; k < 8; k++) {
      const c = randomPointInArea(ctx.area, ctx.rng);
      let d = Infinity;
      for (const o of ctx.ruralCentres)
        d = Math.min(d, (c.lat - o.lat) ** 2 + ((c.lon - o.lon) * cos) ** 2);
      if (d > bestD) [best, bestD] = [c, d];
    }
    const at = inside(ctx, best, ctx.hq);
    ctx.ruralCentres.push(at);
    return at;
  }
}

/**
 * Splits `feeders` over about feeders / perUnit units (at least one feeder each), unevenly the way
 * real units are: each unit's share is jittered by +-30 %.
 */
function share(feeders: number, perUnit: number, rng: Rng): number[] {
  if (feeders <= 0) return [];
  const n = Math.min(feeders, Math.max(1, Math.round(feeders / perUnit)));
  return apportion(
    feeders,
    Array.from({ length: n }, () => 0.7 + 0.6 * rng()),
    1,
  );
}

/** Rounds the point to ~1 m and keeps it only if it is still inside the district. */
function inside(ctx: DistrictContext, p: Point, fallback: Point): Point {
  const r = { lat: round5(p.lat), lon: round5(p.lon) };
  return pointInGeometry(r.lat, r.lon, ctx.area.geometry)
    ? r
    : { lat: fallback.lat, lon: fallback.lon };
}
