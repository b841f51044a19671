import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildCorpus } from "../../../server/triage/corpus/build.js";
import { readCorpus, readHeldOutSample, readJsonl } from "../../../server/triage/corpus/records.js";
import { foldOf } from "../../../server/triage/evaluate.js";
import { appendCorrection, readCorrections } from "../../../server/triage/corrections.js";
import { LABELS } from "../../../server/triage/model.js";

function grams(text: string): Set<string> {
  const t = text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\d ]/gu, " ")
    .replace(/\d+/g, "0")
    .replace(/\s+/g, " ")
    .trim();
  const out = new Set<string>();
  for (let i = 0; i + 5 <= t.length; i++) out.add(t.slice(i, i + 5));
  return out;
}

describe("the training corpus", () => {
  const corpus = readCorpus();

  it("is large, covers every label and every style, supply_cut largest", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(1500);
    const count = (l: string): number => corpus.filter((r) => r.label === l).length;
    for (const l of LABELS) expect(count(l)).toBeGreaterThan(100);
    expect(Math.max(...LABELS.map(count))).toBe(count("supply_cut"));
    for (const lang of ["hi", "hinglish", "en", "mixed"])
      expect(corpus.some((r) => r.lang === lang)).toBe(true);
  });

  it("does not contain near-copies of the held-out sample", () => {
    // The sample is for evaluation only; a corpus line sharing most of a sample line's
    // character 5-grams would make the sample score meaningless.
    const sample = readHeldOutSample().map((s) => ({ id: s.id, g: grams(s.text) }));
    const leaks: string[] = [];
    for (const r of corpus) {
      const g = grams(r.text);
      for (const s of sample) {
        let inter = 0;
        for (const x of s.g) if (g.has(x)) inter++;
        if (inter / Math.min(s.g.size, g.size) > 0.55) leaks.push(`${r.id} ~ ${s.id}`);
      }
    }
    expect(leaks).toEqual([]);
  });
});

describe("the corpus build", () => {
  it("is deterministic and the committed files are its output", () => {
    const first = buildCorpus();
    const second = buildCorpus();
    expect(second).toEqual(first);
    const committed = (name: string): unknown[] =>
      readJsonl(new URL(`../../../server/triage/corpus/${name}`, import.meta.url));
    expect(committed("generated.jsonl")).toEqual(first.generated);
    expect(committed("handwritten.jsonl")).toEqual(first.hand);
    expect(committed("heldout.jsonl")).toEqual(first.heldOut);
  });

  it("holds out whole template groups: no group of fold 0 has a line in another fold", () => {
    const { generated, hand, heldOut } = buildCorpus();
    const heldGroups = new Set(heldOut.map((r) => r.group));
    expect(heldOut.length).toBeGreaterThan(800);
    for (const r of [...generated, ...hand]) expect(heldGroups.has(r.group)).toBe(foldOf(r) === 0);
  });
});

describe("the corpus covers every kind of 'other' and negation (LABELS.md)", () => {
  const others = readCorpus().filter((r) => r.label === "other");
  it.each([
    ["new or temporary connection", /new connection|naya connection|नया कनेक्शन|temporary|अस्थायी/i],
    ["load change", /load|लोड/i],
    ["tariff category change", /category|श्रेणी|commercial se domestic|domestic se commercial/i],
    ["disconnection", /disconnect|PD karwana|कटवाना|band karwana/i],
    ["reconnection after paying dues", /reconnect|dobara jod|दोबारा जुड़|wapas jod/i],
    ["no-dues certificate", /no.dues|अदेयता|नो ड्यूज/i],
    ["information queries", /status|kaise|how do|कैसे/i],
    ["theft", /theft|chori|चोरी|chura|hook/i],
    ["staff conduct", /lineman|लाइनमैन|operator|ऑपरेटर/i],
    ["street lights", /street light|स्ट्रीट लाइट|batti/i],
    ["thanks and praise", /thank|dhanyawad|धन्यवाद|kudos|well done|shukriya|आभार/i],
    ["spam and scams", /KYC|subsidy|click|WARNING/i],
    ["retweets and jokes", /^RT |\bRT @|😂/],
    ["greetings and tests", /good morning|सुप्रभात|test|namaste/i],
    ["negation: no cuts", /no (power )?cuts|ek bhi cut nahi|कटौती नहीं|light nahi gayi|nahi gayi/i],
    ["negation: supply fine", /supply (theek|sahi|is fine)|सप्लाई ठीक/i],
  ])("%s", (_, pattern) => {
    expect(others.filter((r) => pattern.test(r.text)).length).toBeGreaterThanOrEqual(10);
  });
});

describe("appendCorrection", () => {
  it("appends lines the trainer reads back, skipping malformed ones", () => {
    const dir = mkdtempSync(join(tmpdir(), "triage-corr-"));
    appendCorrection(dir, "meter ki reading galat hai", "meter_reading");
    appendCorrection(dir, "shubh prabhat", "other");
    expect(readCorrections(dir)).toEqual([
      { text: "meter ki reading galat hai", label: "meter_reading" },
      { text: "shubh prabhat", label: "other" },
    ]);
    expect(() => appendCorrection(dir, "x", "nonsense" as "other")).toThrow();
  });
});
