/**
 * categorise(text): the category of a complaint, or null when it should wait in the triage queue
 * (the label is "other", or the model is not sure enough). The model is loaded once, lazily.
 */
import { readFileSync } from "node:fs";
import type { CategoryId } from "../../shared/domain.js";
import { extractFeatures } from "./features.js";
import { FeatureIds } from "./feature-ids.js";
import { decodeWeights, LinearModel, softmax, type Label, type ModelFile } from "./model.js";
import type { Categorisation } from "./types.js";

const MODEL_URL = new URL("./model.json", import.meta.url);

interface Loaded {
  model: LinearModel;
  ids: FeatureIds;
  threshold: number;
}

let loaded: Loaded | undefined;

function load(): Loaded {
  if (!loaded) {
    const file = JSON.parse(readFileSync(MODEL_URL, "utf8")) as ModelFile;
    const model = new LinearModel(decodeWeights(file), file.temperature);
    loaded = {
      model,
      ids: new FeatureIds(model.index),
      threshold: file.threshold,
    };
  }
  return loaded;
}

/** Confidence below which a text goes to the triage queue (chosen on held-out data by train.ts). */
export function confidenceThreshold(): number {
  return load().threshold;
}

/** Categorises with an explicit model (tests, the trainer's evaluation). */
export function categoriseWith(
  model: LinearModel,
  text: string,
  threshold: number,
): Categorisation {
  return decide(model, model.probabilities(extractFeatures(text)), threshold);
}

function decide(model: LinearModel, probs: Float64Array, threshold: number): Categorisation {
  let best = 0;
  for (let i = 1; i < probs.length; i++) if (probs[i] > probs[best]) best = i;
  const label: Label = model.labels[best];
  const confidence = Math.round(probs[best] * 1000) / 1000;
  const category: CategoryId | null = label === "other" || confidence < threshold ? null : label;
  return { category, label, confidence };
}

/** The category of a complaint's text; null means "a person should look at it". */
export function categorise(text: string): Categorisation {
  const { model, ids, threshold } = load();
  return decide(model, softmax(model.logitsOfIds(ids.of(text)), model.temperature), threshold);
}
