/**
 * Trains the categoriser and writes model.json. Run: npx tsx server/triage/train.ts
 *
 * 1. Splits the corpus by template group (a fifth of the groups held out, so no held-out line
 *    shares a template with a training line), trains, and reports on that split and on the
 *    shared sample (never trained on).
 * 2. Fits the softmax temperature and the queue threshold on the held-out split.
 * 3. Retrains on the whole corpus plus staff corrections (DATA_DIR/triage-corrections.jsonl)
 *    and writes model.json.
 */
import { writeFileSync } from "node:fs";
import { categoriseWith } from "./categorise.js";
import { readCorpus, readHeldOutSample, type CorpusRecord } from "./corpus/records.js";
import { readCorrections } from "./corrections.js";
import { extractFeatures } from "./features.js";
import {
  chooseThreshold,
  fitTemperature,
  formatReport,
  queueEffect,
  score,
  type Prediction,
} from "./metrics.js";
import { encodeWeights, LABELS, LinearModel } from "./model.js";
import { findPlace, loadDistrictList } from "./places.js";
import { hashString } from "./rng.js";
import { DEFAULT_TRAIN_OPTIONS, trainModel, type LabelledText } from "./trainer.js";

/** Accuracy we want of the texts the model routes without a person. */
const AUTO_ACCURACY_TARGET = 0.95;
const CORRECTION_WEIGHT = 3;

const isHeldOut = (r: CorpusRecord): boolean => hashString(r.group) % 5 === 0;

function predict(
  model: LinearModel,
  rows: { text: string; label: string }[],
  threshold = 0,
): Prediction[] {
  return rows.map((r) => {
    const c = categoriseWith(model, r.text, threshold);
    return { truth: r.label as Prediction["truth"], label: c.label, confidence: c.confidence };
  });
}

function locatorAccuracy(rows: { text: string; district: string | null }[]): number {
  const names = new Map(loadDistrictList().map((d) => [d.id, d.name]));
  const ok = rows.filter((r) => {
    const id = findPlace(r.text).districtId;
    return (id ? (names.get(id) ?? null) : null) === r.district;
  }).length;
  return rows.length > 0 ? ok / rows.length : 0;
}

function main(): void {
  const started = Date.now();
  const dataDir = process.env.DATA_DIR ?? "./data";
  const corpus = readCorpus();
  const sample = readHeldOutSample().map((s) => ({
    text: s.text,
    label: s.category,
    district: s.district,
  }));
  const corrections = readCorrections(dataDir);
  const train = corpus.filter((r) => !isHeldOut(r));
  const held = corpus.filter(isHeldOut);
  console.log(
    `corpus ${corpus.length} (train ${train.length}, held out ${held.length}), corrections ${corrections.length}, sample ${sample.length}`,
  );

  const splitModel = new LinearModel(trainModel(train));
  const heldLogits = held.map((r) => splitModel.logits(extractFeatures(r.text)));
  splitModel.temperature = fitTemperature(
    heldLogits,
    held.map((r) => LABELS.indexOf(r.label)),
  );
  const heldPreds = predict(splitModel, held);
  const threshold = chooseThreshold(heldPreds, AUTO_ACCURACY_TARGET);
  console.log(`temperature ${splitModel.temperature}, queue threshold ${threshold}`);
  console.log(formatReport("held-out split of the corpus", score(heldPreds, LABELS)));
  console.log(
    formatReport("shared sample, split model", score(predict(splitModel, sample), LABELS)),
  );

  const all: LabelledText[] = [
    ...corpus.map((r) => ({ text: r.text, label: r.label })),
    ...corrections.map((c) => ({ ...c, weight: CORRECTION_WEIGHT })),
  ];
  const weights = trainModel(all);
  const finalModel = new LinearModel(weights, splitModel.temperature);
  const samplePreds = predict(finalModel, sample);
  console.log(formatReport("shared sample (held out), final model", score(samplePreds, LABELS)));
  for (const [name, preds] of [
    ["held-out split", heldPreds],
    ["sample", samplePreds],
  ] as const) {
    const q = queueEffect(preds, threshold);
    console.log(
      `${name}: ${(q.autoShare * 100).toFixed(1)}% of routable texts categorised without a person, ${(q.autoAccuracy * 100).toFixed(1)}% of those right`,
    );
  }
  console.log(
    `locator, district exact match: sample ${(locatorAccuracy(sample) * 100).toFixed(1)}%, held-out split ${(locatorAccuracy(held) * 100).toFixed(1)}%, hand-written ${(locatorAccuracy(corpus.filter((r) => r.group.startsWith("hand/"))) * 100).toFixed(1)}%`,
  );

  const file = encodeWeights(weights, {
    temperature: splitModel.temperature,
    threshold,
    trainedOn: { documents: corpus.length, corrections: corrections.length },
  });
  const json = JSON.stringify(file);
  writeFileSync(new URL("./model.json", import.meta.url), json + "\n");
  console.log(
    `wrote model.json: ${weights.features.length} features, ${(json.length / 1e6).toFixed(2)} MB, options ${JSON.stringify(DEFAULT_TRAIN_OPTIONS)}, ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

main();
