import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { categorise } from "../../../server/triage/categorise.js";
import { readCorpus, readHeldOutSample } from "../../../server/triage/corpus/records.js";
import { FeatureIds } from "../../../server/triage/feature-ids.js";
import { extractFeatures } from "../../../server/triage/features.js";
import { decodeWeights, LinearModel, type ModelFile } from "../../../server/triage/model.js";

const file = JSON.parse(
  readFileSync(new URL("../../../server/triage/model.json", import.meta.url), "utf8"),
) as ModelFile;
const model = new LinearModel(decodeWeights(file), file.temperature);
const known = new Set(file.features);
// The held-out sample and every third corpus text (about 2,100): each is scored both ways.
const texts = [...readHeldOutSample(), ...readCorpus().filter((_, i) => i % 3 === 0)].map(
  (r) => r.text,
);

describe("FeatureIds: the categoriser's hot path", () => {
  it("gives the features extractFeatures gives, in its order", () => {
    const ids = new FeatureIds(model.index);
    for (const text of texts.slice(0, 300)) {
      // Unknown features get ids past the model's; compare the known ones by name, all by count.
      const expected = extractFeatures(text);
      const got = ids.of(text);
      expect(got.length).toBe(expected.length);
      const knownNames = got.filter((i) => i < file.features.length).map((i) => file.features[i]);
      expect(knownNames).toEqual(expected.filter((f) => known.has(f)));
    }
  });

  it("scores every text exactly as the string path does, also after forgetting", () => {
    // Tiny limits: the remembered words and extra ids start again empty many times over.
    const ids = new FeatureIds(model.index, { extra: 500, entries: 60 });
    for (const text of texts) {
      expect(Array.from(model.logitsOfIds(ids.of(text)))).toEqual(
        Array.from(model.logits(extractFeatures(text))),
      );
    }
  });

  it("is what categorise() uses", () => {
    const text = "Bijli 6 ghante se gayi hai, transformer jal gaya, Gomti Nagar Lucknow";
    const viaStrings = model.probabilities(extractFeatures(text));
    const best = viaStrings.indexOf(Math.max(...viaStrings));
    expect(categorise(text).confidence).toBe(Math.round(viaStrings[best] * 1000) / 1000);
  });
});
