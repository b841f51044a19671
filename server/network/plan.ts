/**
 * The shape of the synthetic network before any unit exists: how many feeders each district gets
 * (urban and rural), how many circles, and how big the units below are. The numbers are invented
 * to look like UP and Bihar (about 4-5 feeders per substation, 3 substations per sub-division).
 */
import type { DistrictFacts } from "./districts.js";
import type { PlaceName } from "./places.js";

/** Extra weight (in km2-equivalents) for cities: more consumers, so more feeders, than their area says. */
const CITY_WEIGHT: Record<string, number> = {
  lucknow: 9000,
  "kanpur-nagar": 8000,
  patna: 8000,
  ghaziabad: 6000,
  "gautam-buddha-nagar": 5000,
  agra: 5000,
  prayagraj: 5000,
  varanasi: 5000,
  meerut: 4000,
  gorakhpur: 3000,
  bareilly: 3000,
  aligarh: 2500,
  moradabad: 2500,
  saharanpur: 2000,
  jhansi: 2000,
  muzaffarpur: 2000,
  mathura: 1500,
  firozabad: 1500,
  bhagalpur: 1500,
  gaya: 1500,
  darbhanga: 1000,
  ayodhya: 1000,
  muzaffarnagar: 1000,
  shahjahanpur: 1000,
  rampur: 800,
};

/** Cities large enough for two circles (Kanpur's two are KESCO's; DVVNL adds a rural one). */
export const TWO_CIRCLE_DISTRICTS = new Set([
  "lucknow",
  "kanpur-nagar",
  "prayagraj",
  "varanasi",
  "agra",
  "ghaziabad",
  "patna",
]);

/** The part of a district one discom serves (Kanpur Nagar has two: KESCO city, DVVNL rural). */
export interface DistrictPart {
  district: DistrictFacts;
  discom: string;
  urban: number;
  rural: number;
  circles: number;
  /** What the circles are named after ("Lucknow", "Kanpur City", "Kanpur Rural"). */
  circleSeat: PlaceName;
  /** Number of the part's first circle within the district (KESCO's city circles come first). */
  firstCircle: number;
}

/** Integer shares of `total` proportional to `weights`, each at least `min` (largest remainder). */
export function apportion(total: number, weights: number[], min = 0): number[] {
  const n = weights.length;
  if (!n) return [];
  const base = Math.min(min, Math.floor(total / Math.max(1, n)));
  const rest = total - base * n;
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const exact = weights.map((w) => (rest * w) / sum);
  const out = exact.map((x) => base + Math.floor(x));
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, r: x - Math.floor(x) }))
    .sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % n, left--) out[order[k].i]++;
  return out;
}

/** Splits the feeder budget over districts by area plus city weight, then urban vs rural. */
export function planDistricts(districts: DistrictFacts[], feeders: number): DistrictPart[] {
  const weights = districts.map((d) => d.areaKm2 + (CITY_WEIGHT[d.id] ?? 0));
  const perDistrict = apportion(feeders, weights, 3);
  const parts: DistrictPart[] = [];
  districts.forEach((d, i) => {
    const total = perDistrict[i];
    if (total === 0) return;
    const bonus = CITY_WEIGHT[d.id] ?? 0;
    // The city's weight is urban by definition; about 15 % of the rest is district towns.
    const share = (bonus + 0.15 * d.areaKm2) / (bonus + d.areaKm2);
    let urban = Math.round(total * share);
    if (total >= 2) urban = Math.min(total - 1, Math.max(1, urban));
    const rural = total - urban;
    const two = TWO_CIRCLE_DISTRICTS.has(d.id);
    const seat = { en: d.name, hi: d.nameHi };
    if (d.id === "kanpur-nagar") {
      // KESCO serves the city only; DVVNL keeps the rural rest of the district.
      const kescoCircles = urban >= 4 ? 2 : 1;
      if (urban)
        parts.push({
          district: d,
          discom: "KESCO",
          urban,
          rural: 0,
          circles: kescoCircles,
          circleSeat: { en: "Kanpur City", hi: "कानपुर शहर" },
          firstCircle: 1,
        });
      if (rural)
        parts.push({
          district: d,
          discom: "DVVNL",
          urban: 0,
          rural,
          circles: 1,
          circleSeat: { en: "Kanpur Rural", hi: "कानपुर ग्रामीण" },
          firstCircle: urban ? kescoCircles + 1 : 1,
        });
      return;
    }
    parts.push({
      district: d,
      discom: d.discom,
      urban,
      rural,
      circles: two && total >= 4 ? 2 : 1,
      circleSeat: seat,
      firstCircle: 1,
    });
  });
  return parts;
}

/** Unit sizes for a network of `feeders`: small demos get small units, 20k looks like UP. */
export function unitSizes(feeders: number): {
  perSubstation: number;
  substationsPerSub: number;
  subsPerDivision: number;
} {
  const t = Math.min(1, Math.max(0, Math.log(feeders / 3000) / Math.log(20000 / 3000)));
  return { perSubstation: 3 + 1.5 * t, substationsPerSub: 2 + t, subsPerDivision: 2 + 1.3 * t };
}

/** Splits divisions into `k` contiguous groups of roughly equal feeder counts (k is 1 or 2 here). */
export function splitBalanced<T extends { feeders: number }>(items: T[], k: number): T[][] {
  if (k <= 1 || items.length < 2) return items.length ? [items] : [];
  const total = items.reduce((a, b) => a + b.feeders, 0);
  let best = 1;
  let bestGap = Infinity;
  let run = 0;
  for (let i = 1; i < items.length; i++) {
    run += items[i - 1].feeders;
    const gap = Math.abs(run - total / 2);
    if (gap < bestGap) [best, bestGap] = [i, gap];
  }
  return [items.slice(0, best), items.slice(best)];
}
