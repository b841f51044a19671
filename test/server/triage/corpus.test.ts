import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readCorpus, readHeldOutSample } from "../../../server/triage/corpus/records.js";
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
