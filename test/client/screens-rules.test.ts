import { describe, expect, it } from "vitest";
import enScreens from "../../client/i18n/screens.en.json";
import hiScreens from "../../client/i18n/screens.hi.json";
import {
  addAlarms,
  alarmsFromState,
  ALARM_LIMIT,
  ALARM_TTL_MS,
  DEFAULT_SURGE_THRESHOLD,
  EMPTY_TRACKER,
  observeBreached,
  parseSurgeThreshold,
  SURGE_WINDOW_MS,
  trackAlarms,
  type Alarm,
  type BreachSample,
} from "../../client/panels/alarms/rules.js";
import {
  buildFrame,
  compact,
  hitTest,
  projectFeeders,
  type ActiveItem,
} from "../../client/panels/map/aggregate.js";
import { buildClusterIndex, project } from "../../client/panels/map/clusters.js";
import {
  districtValues,
  formatRate,
  rateBreaks,
  shadingBreaks,
} from "../../client/panels/map/scales.js";
import { formatPct, formatRupees, shortUnitName } from "../../client/stats/format.js";
import {
  DEFAULT_EVERY_S,
  MAX_SLIDES,
  parsePlaylist,
  slideAt,
  slideUnit,
} from "../../client/views/WallPlaylist.js";
import type { IncidentView } from "../../shared/live.js";
import { incident, mapCounts } from "./factories.js";

const MIN = 60_000;

describe("the wall's playlist, read from its address", () => {
  it("reads the brief's example: network, a discom and the worst divisions every 30 s in Hindi", () => {
    const p = parsePlaylist("?views=state,PuVVNL,worst&every=30&lang=hi");
    expect(p.slides).toEqual([
      { kind: "state" },
      { kind: "unit", unitId: "PuVVNL" },
      { kind: "worst" },
    ]);
    expect(p.everyMs).toBe(30_000);
    expect(p.lang).toBe("hi");
    expect(p.shading).toBe("per10k");
    expect(p.sound).toBe(false);
    expect(p.surge).toBe(DEFAULT_SURGE_THRESHOLD);
  });

  it("falls back to network, worst and charts every 30 s when the address says nothing usable", () => {
    for (const search of ["", "?views=", "?views=,,%20,", "?views=<script>,a b"]) {
      const p = parsePlaylist(search);
      expect(p.slides.map((s) => s.kind)).toEqual(["state", "worst", "charts"]);
      expect(p.everyMs).toBe(DEFAULT_EVERY_S * 1000);
      expect(p.lang).toBeNull();
    }
  });

  it("skips words that cannot be unit ids, keeps case of ids and knows 'network' and 'charts'", () => {
    const p = parsePlaylist("?views=network, Charts ,bad/id,AZM1-D2,WORST");
    expect(p.slides).toEqual([
      { kind: "state" },
      { kind: "charts" },
      { kind: "unit", unitId: "AZM1-D2" },
      { kind: "worst" },
    ]);
    expect(p.slides.map(slideUnit)).toEqual([undefined, undefined, "AZM1-D2", undefined]);
  });

  it("bounds the period and the number of slides", () => {
    expect(parsePlaylist("?every=0.01").everyMs).toBe(100);
    expect(parsePlaylist("?every=99999").everyMs).toBe(3_600_000);
    expect(parsePlaylist("?every=abc").everyMs).toBe(30_000);
    expect(parsePlaylist("?every=-5").everyMs).toBe(30_000);
    const many = Array.from({ length: 200 }, () => "state").join(",");
    expect(parsePlaylist(`?views=${many}`).slides).toHaveLength(MAX_SLIDES);
  });

  it("reads shading, surge threshold and sound, ignoring nonsense", () => {
    const p = parsePlaylist("?shade=absolute&surge=25&sound=on&lang=fr");
    expect(p.shading).toBe("absolute");
    expect(p.surge).toBe(25);
    expect(p.sound).toBe(true);
    expect(p.lang).toBeNull();
    expect(parsePlaylist("?shade=rainbow&surge=-3").shading).toBe("per10k");
    expect(parsePlaylist("?surge=-3").surge).toBe(DEFAULT_SURGE_THRESHOLD);
  });

  it("takes the slide from the clock, so a reloaded wall resumes the same slide", () => {
    const p = parsePlaylist("?views=state,worst,charts&every=30");
    const t = Date.UTC(2025, 4, 21, 9, 0, 10);
    const first = slideAt(t, p);
    expect(slideAt(t + 5_000, p).index).toBe(first.index);
    expect(first.nextAt - t).toBeLessThanOrEqual(30_000);
    expect(slideAt(first.nextAt, p).index).toBe((first.index + 1) % 3);
    expect(slideAt(first.nextAt + 2 * 30_000, p).index).toBe(first.index);
  });
});

describe("breach surge rule", () => {
  const T = 10;

  function feed(values: Array<[number, number]>, threshold = T) {
    let samples: BreachSample[] = [];
    const surges: number[] = [];
    for (const [at, value] of values) {
      const r = observeBreached(samples, at, value, threshold);
      samples = r.samples;
      if (r.surge) surges.push(at);
    }
    return { samples, surges };
  }

  it("fires when breached tickets rise by the threshold within 10 minutes", () => {
    const { surges } = feed([
      [0, 40],
      [3 * MIN, 44],
      [6 * MIN, 49],
      [9 * MIN, 50],
    ]);
    expect(surges).toEqual([9 * MIN]);
  });

  it("does not fire for the same rise spread over more than 10 minutes", () => {
    const { surges } = feed([
      [0, 40],
      [6 * MIN, 45],
      [12 * MIN, 49],
      [18 * MIN, 53],
    ]);
    expect(surges).toEqual([]);
  });

  it("measures from the lowest value in the window, so a dip then a jump counts", () => {
    const { surges } = feed([
      [0, 60],
      [2 * MIN, 45],
      [4 * MIN, 56],
    ]);
    expect(surges).toEqual([4 * MIN]);
  });

  it("re-arms from the current value after an alarm", () => {
    const { surges } = feed([
      [0, 0],
      [MIN, 10],
      [2 * MIN, 15],
      [3 * MIN, 19],
      [4 * MIN, 20],
    ]);
    expect(surges).toEqual([MIN, 4 * MIN]);
  });

  it("keeps the value held at the start of the window when nothing changed for a while", () => {
    // 30 for 25 minutes, then +10 in one update: the rise is within the last 10 minutes.
    const { surges, samples } = feed([
      [0, 30],
      [25 * MIN, 30],
      [25 * MIN + 1000, 40],
    ]);
    expect(surges).toEqual([25 * MIN + 1000]);
    expect(samples).toHaveLength(1);
  });

  it("keeps memory bounded however long it runs", () => {
    let samples: BreachSample[] = [];
    for (let i = 0; i < 50_000; i++) {
      samples = observeBreached(samples, i * 100, i % 7, 1_000_000).samples;
    }
    expect(samples.length).toBeLessThanOrEqual(1200);
    expect(samples[0].at).toBeGreaterThanOrEqual(50_000 * 100 - SURGE_WINDOW_MS - 1000);
  });

  it("reads ?surge= as a positive whole number", () => {
    expect(parseSurgeThreshold("5")).toBe(5);
    expect(parseSurgeThreshold("0")).toBe(DEFAULT_SURGE_THRESHOLD);
    expect(parseSurgeThreshold("2.5")).toBe(DEFAULT_SURGE_THRESHOLD);
    expect(parseSurgeThreshold(null)).toBe(DEFAULT_SURGE_THRESHOLD);
  });
});

describe("alarms from live updates", () => {
  const live = (breached: number, ids: string[], unitId = "network") => ({
    unitId,
    breached,
    incidents: ids.map((id) => incident(id)),
  });

  it("does not alarm for incidents already open in the first snapshot, then alarms for new ones", () => {
    let r = trackAlarms(EMPTY_TRACKER, live(0, ["I1"]), 0, 10);
    expect(r.raised).toEqual([]);
    r = trackAlarms(r.tracker, live(0, ["I1", "I2"]), 1000, 10);
    expect(r.raised.map((a) => a.id)).toEqual(["incident:I2"]);
    r = trackAlarms(r.tracker, live(0, ["I1", "I2"]), 2000, 10);
    expect(r.raised).toEqual([]);
  });

  it("starts over silently when the screen switches to another unit", () => {
    let r = trackAlarms(EMPTY_TRACKER, live(0, []), 0, 10);
    r = trackAlarms(r.tracker, live(50, ["I9"], "PuVVNL"), 1000, 10);
    expect(r.raised).toEqual([]);
    expect(r.tracker.unitId).toBe("PuVVNL");
  });

  it("raises a surge alarm with the counts it rose between", () => {
    let r = trackAlarms(EMPTY_TRACKER, live(3, []), 0, 10);
    r = trackAlarms(r.tracker, live(14, []), 60_000, 10);
    expect(r.raised).toHaveLength(1);
    const a = r.raised[0] as Extract<Alarm, { kind: "surge" }>;
    expect(a.surge).toMatchObject({ from: 3, to: 14 });
  });

  it("keeps the newest alarms, at most twenty, none older than an hour", () => {
    const make = (i: number): Alarm => ({
      id: `surge:${i}`,
      kind: "surge",
      at: i * 1000,
      surge: { from: 0, to: 10, since: 0 },
    });
    let list: Alarm[] = [];
    for (let i = 0; i < 30; i++) list = addAlarms(list, [make(i)], i * 1000);
    expect(list).toHaveLength(ALARM_LIMIT);
    expect(list[0].id).toBe("surge:29");
    expect(addAlarms(list, [], 29_000 + ALARM_TTL_MS)).toEqual([]);
  });
});

/** True when no two circles' squares (which hold their numbers) overlap. */
function noTwoTouch(active: readonly ActiveItem[]): boolean {
  for (let i = 0; i < active.length; i++)
    for (let j = i + 1; j < active.length; j++) {
      const a = active[i];
      const b = active[j];
      const reach = a.r + b.r;
      if (Math.abs(a.x - b.x) < reach && Math.abs(a.y - b.y) < reach) return false;
    }
  return true;
}

describe("feeder aggregation on the map canvas", () => {
  // Three feeders close together, one far away, one idle.
  const feeders = [
    { lat: 26.85, lon: 80.95 },
    { lat: 26.851, lon: 80.951 },
    { lat: 26.852, lon: 80.949 },
    { lat: 25.3, lon: 83.0 },
    { lat: 26.0, lon: 82.0 },
  ];
  const counts = [mapCounts(3, 1, 0), mapCounts(2, 0, 2), mapCounts(1), mapCounts(4), undefined];
  const points = projectFeeders(feeders);
  const view = (zoom: number) => {
    const scale = 2 ** zoom;
    // Centre the view on Lucknow.
    const cx = points[0] * scale;
    const cy = points[1] * scale;
    return {
      scale,
      originX: cx - 600,
      originY: cy - 400,
      width: 1200,
      height: 800,
      radiusScale: 1,
    };
  };

  it("merges nearby feeders with open tickets when zoomed out, adding their counts", () => {
    const frame = buildFrame(points, (i) => counts[i], view(6));
    const merged = frame.active.find((a) => a.feeders === 3);
    expect(merged).toMatchObject({ open: 6, atRisk: 1, breached: 2, sla: "breached", feeder: -1 });
    const single = frame.active.find((a) => a.feeders === 1);
    expect(single).toMatchObject({ open: 4, feeder: 3, sla: "on_track" });
    expect(frame.idleCount).toBe(1);
    // Breached is drawn last, on top.
    expect(frame.active[frame.active.length - 1].sla).toBe("breached");
    expect(hitTest(frame.active, merged!.x, merged!.y)).toBe(merged);
    expect(hitTest(frame.active, -500, -500)).toBeNull();
  });

  it("draws each feeder on its own when zoomed in far enough for their circles not to touch", () => {
    const frame = buildFrame(points, (i) => counts[i], view(15));
    const near = frame.active.filter((a) => a.feeders === 1 && a.feeder <= 2);
    expect(near).toHaveLength(3);
  });

  it("builds a frame of 20,000 feeders quickly", () => {
    const many = Array.from({ length: 20_000 }, (_, i) => ({
      lat: 24 + ((i * 7919) % 6000) / 1000,
      lon: 77 + ((i * 104_729) % 11_000) / 1000,
    }));
    const pts = projectFeeders(many);
    const c = many.map((_, i) =>
      i % 3 === 0 ? mapCounts(1 + (i % 5), i % 2, i % 4 === 0 ? 1 : 0) : undefined,
    );
    const scale = 2 ** 6.5;
    const v = {
      scale,
      originX: pts[0] * scale - 2000,
      originY: pts[1] * scale - 1000,
      width: 2400,
      height: 1400,
      radiusScale: 1,
    };
    const frame = buildFrame(pts, (i) => c[i], v);
    // Zoomed out, the feeders with open tickets merge into far fewer circles than there are feeders.
    expect(frame.active.length).toBeGreaterThan(20);
    expect(frame.active.length).toBeLessThan(6667);
    // Every open ticket in view is in exactly one circle.
    const inView = frame.active.reduce((sum, a) => sum + a.open, 0);
    expect(inView).toBeGreaterThan(0);
    expect(noTwoTouch(frame.active)).toBe(true);
  });

  it("never lets two circles or two numbers overlap, at any zoom, size or count", () => {
    const many = Array.from({ length: 20_000 }, (_, i) => ({
      lat: 24 + ((i * 7919) % 6000) / 1000,
      lon: 77 + ((i * 104_729) % 11_000) / 1000,
    }));
    const pts = projectFeeders(many);
    // Lucknow's feeders crowded together: the worst case for a grid of cells.
    for (let i = 0; i < 400; i++) {
      const [x, y] = project(80.9 + (i % 20) * 0.002, 26.8 + Math.floor(i / 20) * 0.002);
      pts[2 * i] = x;
      pts[2 * i + 1] = y;
    }
    const c = many.map((_, i) =>
      i % 2 === 0 ? mapCounts(1 + (i % 40), i % 3, i % 7 === 0 ? 1 : 0) : undefined,
    );
    const total = c.reduce((sum, m) => sum + (m?.open ?? 0), 0);
    const index = buildClusterIndex(pts, (i) => c[i]);
    for (const zoom of [4.3, 5, 6.5, 7.9, 9, 11.2, 13]) {
      for (const radiusScale of [0.5, 1, 2]) {
        const scale = 2 ** zoom;
        const cx = pts[0] * scale;
        const cy = pts[1] * scale;
        const frame = buildFrame(
          pts,
          (i) => c[i],
          {
            scale,
            originX: cx - 960,
            originY: cy - 540,
            width: 1920,
            height: 1080,
            radiusScale,
            textScale: radiusScale,
          },
          { index },
        );
        expect(noTwoTouch(frame.active), `zoom ${zoom} scale ${radiusScale}`).toBe(true);
        for (const a of frame.active) {
          if (a.feeders > 1) expect(a.label?.text).toBe(compact(a.open));
          if (a.label) expect(a.r * 2).toBeGreaterThanOrEqual(a.label.width);
        }
        if (zoom < 5) {
          // The whole network in view: every open ticket is counted once.
          expect(frame.active.reduce((sum, a) => sum + a.open, 0)).toBe(total);
        }
      }
    }
  });
});

describe("district shading", () => {
  it("shades by open tickets per 10,000 consumers with round decimal classes", () => {
    const values = districtValues(
      { lucknow: mapCounts(12), agra: mapCounts(3) },
      { lucknow: 60_000, agra: 1_000, patna: 5_000 },
      "per10k",
    );
    expect(values.lucknow).toBeCloseTo(2);
    expect(values.agra).toBeCloseTo(30);
    expect(values.patna).toBe(0);
    expect(shadingBreaks(values, "per10k")).toEqual([10, 20, 30, 40, 50]);
    expect(rateBreaks(0.3)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(rateBreaks(0)).toEqual([]);
  });

  it("has no rate for a district whose consumers are not known, and counts in absolute mode", () => {
    const counts = { x: mapCounts(4) };
    expect(districtValues(counts, {}, "per10k").x).toBeNull();
    expect(districtValues(counts, {}, "absolute").x).toBe(4);
    expect(shadingBreaks({ x: 4 }, "absolute")).toEqual([1, 2, 3, 4, 5]);
  });

  it("writes rates with Indian grouping in both languages", () => {
    expect(formatRate(123456.78, "en")).toBe("1,23,456.8");
    expect(formatRate(0.256, "hi")).toBe("0.26");
  });
});

describe("money, shares and names", () => {
  it("writes rupees with Indian grouping", () => {
    expect(formatRupees(123456789, "en")).toBe("₹12,34,56,789");
    expect(formatRupees(123456789, "hi")).toBe("₹12,34,56,789");
    expect(formatPct(92.5, "en")).toBe("92.5%");
    expect(formatPct(null, "hi")).toBe("–");
  });

  it("shortens division names for chart axes in both languages", () => {
    expect(shortUnitName("Electricity Distribution Division Bidhuna")).toBe("Bidhuna");
    expect(shortUnitName("विद्युत वितरण खंड बिधूना")).toBe("बिधूना");
    expect(shortUnitName("Azamgarh Circle")).toBe("Azamgarh Circle");
  });
});

describe("the screens translations", () => {
  function leaves(o: object, prefix = ""): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(o)) {
      if (typeof v === "string") out[prefix + k] = v;
      else Object.assign(out, leaves(v as object, `${prefix}${k}.`));
    }
    return out;
  }
  const en = leaves(enScreens);
  const hi = leaves(hiScreens);

  it("have the same keys and placeholders in English and Hindi, and Hindi in Devanagari", () => {
    expect(Object.keys(hi).sort()).toEqual(Object.keys(en).sort());
    const vars = (s: string) => [...s.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    for (const [k, v] of Object.entries(en)) expect(vars(hi[k]), k).toEqual(vars(v));
    const latin = Object.entries(hi).filter(([, v]) => !/[\u0900-\u097F]/.test(v));
    expect(latin.map(([k]) => k)).toEqual(["charts.worstTag"]);
  });
});

describe("alarms from state", () => {
  const open = (id: string, startedAt: string, reportCount = 8): IncidentView => ({
    ...incident(id),
    startedAt,
    reportCount,
  });

  it("shows every open incident after a reload, dated from its start, with its current report count", () => {
    const now = Date.parse("2026-11-23T10:00:00Z");
    const { alarms, total } = alarmsFromState(
      [open("I1", "2026-11-23T08:00:00Z", 12), open("I2", "2026-11-23T09:00:00Z", 30)],
      [],
      new Set(),
      now,
    );
    expect(total).toBe(2);
    expect(alarms.map((a) => a.id)).toEqual(["incident:I2", "incident:I1"]);
    const first = alarms[0] as Extract<Alarm, { kind: "incident" }>;
    expect(first.incident.reportCount).toBe(30);
    expect(first.at).toBe(Date.parse("2026-11-23T09:00:00Z"));
  });

  it("leaves out dismissed alarms and surges older than an hour, and counts beyond the list's limit", () => {
    const now = 10 * ALARM_TTL_MS;
    const many = Array.from({ length: ALARM_LIMIT + 5 }, (_, i) =>
      open(`I${i}`, new Date(now - i * 60_000).toISOString()),
    );
    const surges: Alarm[] = [
      {
        id: "surge:old",
        kind: "surge",
        at: now - ALARM_TTL_MS - 1,
        surge: { from: 0, to: 10, since: 0 },
      },
      { id: "surge:new", kind: "surge", at: now, surge: { from: 0, to: 10, since: 0 } },
    ];
    const { alarms, total } = alarmsFromState(many, surges, new Set(["incident:I0"]), now);
    expect(total).toBe(ALARM_LIMIT + 5);
    expect(alarms).toHaveLength(ALARM_LIMIT);
    expect(alarms[0].id).toBe("surge:new");
    expect(alarms.map((a) => a.id)).not.toContain("incident:I0");
  });
});
