import { beforeAll, describe, expect, it } from "vitest";
import { CATEGORY_IDS } from "../../../shared/domain.js";
import { reportInputSchema } from "../../../shared/schemas.js";
import { generateEvents, generateReports } from "../../../server/sim/index.js";
import type { GeneratedReport } from "../../../server/sim/index.js";
import { simDeps } from "./fake-network.js";

const FROM = new Date("2025-05-21T00:00:00Z");
const DEVANAGARI = /[\u0900-\u097F]/;

function shares<T extends string>(items: readonly T[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) out[i] = (out[i] ?? 0) + 1 / items.length;
  return out;
}

describe("generateReports", () => {
  it("gives identical reports for the same seed and start instant", async () => {
    const a = await generateReports(simDeps({ seed: 7 }), 300, FROM);
    const b = await generateReports(simDeps({ seed: 7 }), 300, FROM);
    expect(a).toHaveLength(300);
    expect(b).toEqual(a);
  });

  it("gives different reports for a different seed or start instant", async () => {
    const a = await generateReports(simDeps({ seed: 7 }), 50, FROM);
    const b = await generateReports(simDeps({ seed: 8 }), 50, FROM);
    const c = await generateReports(simDeps({ seed: 7 }), 50, new Date(FROM.getTime() + 1000));
    expect(b.map((r) => r.text)).not.toEqual(a.map((r) => r.text));
    expect(c.map((r) => r.text)).not.toEqual(a.map((r) => r.text));
  });

  it("waits for an async consumer lookup and uses its account", async () => {
    const deps = simDeps({
      consumerOn: async (feederId) => ({ account: "4490128734", feederId, phone: "9000999999" }),
    });
    const reports = await generateReports(deps, 200, FROM);
    const withAccount = reports.filter((r) => r.consumerAccount);
    expect(withAccount.length).toBeGreaterThan(60);
    expect(withAccount.every((r) => r.consumerAccount === "4490128734")).toBe(true);
  });

  it("returns nothing rather than hanging when there are no feeders", async () => {
    expect(await generateReports(simDeps({ feeders: [] }), 10, FROM)).toEqual([]);
  });
});

describe("a day of 5,000 simulated complaints", () => {
  let events: GeneratedReport[] = [];
  beforeAll(async () => {
    // 200 an hour: 5,000 reports span about a day, so every hour of the curve is in the sample.
    events = await generateEvents(
      simDeps({ seed: 2025, ratePerHour: 200, stormsPerHour: 0 }),
      5000,
      FROM,
    );
  });

  it("passes the report input schema, every one", () => {
    for (const e of events) {
      const parsed = reportInputSchema.safeParse(e.input);
      expect(parsed.success, `${JSON.stringify(e.input)} ${parsed.error?.message ?? ""}`).toBe(
        true,
      );
      expect(e.input.text).not.toMatch(/\{\w+\}/);
    }
  });

  it("arrives at the configured average rate", () => {
    const hours = (events[events.length - 1].atMs - events[0].atMs) / 3_600_000;
    expect(events.length / hours).toBeGreaterThan(170);
    expect(events.length / hours).toBeLessThan(230);
  });

  it("is dominated by supply cuts, with the other categories in their bands", () => {
    const s = shares(events.map((e) => e.topic));
    expect(s.supply_cut).toBeGreaterThan(0.68);
    expect(s.supply_cut).toBeLessThan(0.82);
    expect((s.meter_jumping ?? 0) + (s.meter_reading ?? 0)).toBeGreaterThan(0.06);
    expect((s.meter_jumping ?? 0) + (s.meter_reading ?? 0)).toBeLessThan(0.13);
    expect(s.bill_generation).toBeGreaterThan(0.04);
    expect(s.bill_generation).toBeLessThan(0.1);
    expect(s.pole_wire).toBeGreaterThan(0.015);
    expect(s.pole_wire).toBeLessThan(0.05);
    expect(s.connection_transfer).toBeGreaterThan(0.008);
    expect(s.connection_transfer).toBeLessThan(0.035);
    expect(s.other).toBeGreaterThan(0.025);
    expect(s.other).toBeLessThan(0.055);
    expect(s.vague).toBeGreaterThan(0.005);
    expect(s.vague).toBeLessThan(0.03);
    for (const c of CATEGORY_IDS.filter((x) => x !== "supply_cut"))
      expect(s[c] ?? 0, c).toBeLessThan(s.supply_cut / 5);
  });

  it("has a higher supply share in the evening than in office hours", () => {
    const hourOf = (ms: number) => Math.floor((((ms / 3_600_000 + 5.5) % 24) + 24) % 24);
    const supplyShare = (hours: number[]) => {
      const sel = events.filter((e) => hours.includes(hourOf(e.atMs)));
      return sel.filter((e) => e.topic === "supply_cut").length / sel.length;
    };
    expect(supplyShare([19, 20, 21, 22])).toBeGreaterThan(
      supplyShare([10, 11, 12, 13, 14, 15]) + 0.05,
    );
  });

  it("writes about 40 % in Devanagari and the rest in Latin script", () => {
    const dev = events.filter((e) => DEVANAGARI.test(e.input.text)).length / events.length;
    expect(dev).toBeGreaterThan(0.38);
    expect(dev).toBeLessThan(0.52);
    expect(1 - dev).toBeGreaterThan(0.48);
    const s = shares(events.map((e) => e.lang));
    expect(s.hi).toBeGreaterThan(0.34);
    expect(s.hi).toBeLessThan(0.46);
    expect(s.hinglish).toBeGreaterThan(0.29);
    expect(s.hinglish).toBeLessThan(0.41);
    expect(s.en).toBeGreaterThan(0.15);
    expect(s.en).toBeLessThan(0.25);
    expect(s.mixed).toBeGreaterThan(0.025);
    expect(s.mixed).toBeLessThan(0.075);
  });

  it("keeps each text in the script its language says", () => {
    for (const e of events) {
      const words = e.input.text.replace(/[@#]\S+/g, "");
      if (e.lang === "hi" || e.lang === "mixed") expect(words, e.input.text).toMatch(DEVANAGARI);
      if (e.lang === "en" || e.lang === "hinglish")
        expect(words, e.input.text).not.toMatch(DEVANAGARI);
    }
  });

  it("comes mostly through the call centre, then WhatsApp and X, with a few officers' and walk-ins", () => {
    const s = shares(events.map((e) => e.channel));
    expect(s.call_centre).toBeGreaterThan(0.28);
    expect(s.call_centre).toBeGreaterThan(s.whatsapp);
    expect(s.whatsapp).toBeGreaterThan(s.x);
    expect(s.x).toBeGreaterThan(s.portal);
    expect(s.officer_phone).toBeGreaterThan(0.005);
    expect(s.officer_phone).toBeLessThan(0.06);
    expect(s.walk_in).toBeGreaterThan(0.005);
  });

  it("writes call-centre notes as an agent would, and categorises about one in five", () => {
    const calls = events.filter((e) => e.channel === "call_centre");
    expect(calls.every((e) => /^Caller|^Fuse call/.test(e.input.text))).toBe(true);
    expect(calls.every((e) => !DEVANAGARI.test(e.input.text))).toBe(true);
    const categorised = calls.filter((e) => e.input.category).length / calls.length;
    expect(categorised).toBeGreaterThan(0.14);
    expect(categorised).toBeLessThan(0.26);
    expect(events.filter((e) => e.channel !== "call_centre" && e.input.category)).toEqual([]);
    for (const e of calls.filter((c) => c.input.category)) expect(e.input.category).toBe(e.topic);
  });

  it("tags tweets with a discom handle", () => {
    const tweets = events.filter((e) => e.channel === "x");
    const handles = /@(MVVNLofficial|UPPCLLKO|kescoknp|PuVVNL|DVVNL_Agra|PVVNL|NBPDCL|SBPDCL_)\b/;
    expect(tweets.every((e) => handles.test(e.input.text))).toBe(true);
    expect(
      tweets
        .filter((e) => e.feederId.startsWith("sbpdcl"))
        .every((e) => e.input.text.includes("@SBPDCL_")),
    ).toBe(true);
  });

  it("gives half an account, a quarter a point near the feeder, and most a phone", () => {
    const n = events.length;
    const account = events.filter((e) => e.input.consumerAccount).length / n;
    const point = events.filter((e) => e.input.lat !== undefined).length / n;
    const phone = events.filter((e) => e.input.phone).length / n;
    expect(account).toBeGreaterThan(0.4);
    expect(account).toBeLessThan(0.6);
    expect(point).toBeGreaterThan(0.19);
    expect(point).toBeLessThan(0.31);
    expect(phone).toBeGreaterThan(0.6);
  });

  it("puts location pins within a couple of kilometres of the feeder", async () => {
    const { units } = simDeps();
    for (const e of events.filter((x) => x.input.lat !== undefined)) {
      const f = units.get(e.feederId);
      expect(f).toBeDefined();
      const dLat = (e.input.lat ?? 0) - (f?.lat ?? 0);
      const dLon = ((e.input.lon ?? 0) - (f?.lon ?? 0)) * Math.cos(((f?.lat ?? 0) * Math.PI) / 180);
      expect(Math.hypot(dLat, dLon) * 111).toBeLessThan(2.5);
    }
  });

  it("uses each channel's id style, never twice", () => {
    const ids = events.map((e) => e.input.externalId).filter((x): x is string => x !== undefined);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of events) {
      const id = e.input.externalId ?? "";
      if (e.channel === "call_centre") expect(id).toMatch(/^1912-2025052[12]-\d{6}$/);
      if (e.channel === "x") expect(id).toMatch(/^\d{18,19}$/);
      if (e.channel === "whatsapp") expect(id).toMatch(/^wamid\./);
    }
  });

  it("follows the discoms' 1912 volumes: MVVNL most, then PVVNL, DVVNL, PuVVNL; KESCO small", () => {
    const s = shares(events.map((e) => e.feederId.split("-")[0]));
    expect(s.mvvnl).toBeGreaterThan(s.pvvnl);
    expect(s.pvvnl).toBeGreaterThan(s.dvvnl);
    expect(s.dvvnl).toBeGreaterThan(s.puvvnl);
    expect(s.kesco).toBeLessThan(0.03);
    expect(s.sbpdcl).toBeGreaterThan(0.05);
  });

  it("includes vague texts and other asks without a category", () => {
    const vague = events.filter((e) => e.topic === "vague");
    expect(vague.length).toBeGreaterThan(20);
    expect(vague.every((e) => e.input.category === undefined)).toBe(true);
  });
});
