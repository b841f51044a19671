/**
 * Trains the categoriser and writes model.json. Run: npm run train
 *
 * 1. Calibrates on folds 1-4 of the corpus (split by template group): each fold is predicted by a
 *    model trained on the other three, and the softmax temperature and the queue threshold are
 *    fitted on those out-of-fold predictions. Fold 0 (corpus/heldout.jsonl) is never used to fit.
 * 2. Reports on fold 0 with a model trained on folds 1-4 (what `npm run triage -- --eval
 *    server/triage/corpus/heldout.jsonl` prints) and on the shared sample.
 * 3. Retrains on the whole corpus plus staff corrections (DATA_DIR/triage-corrections.jsonl)
 *    and writes model.json.
 */
import { writeFileSync } from "node:fs";
import { readCorpus, readHeldOutSample } from "./corpus/records.js";
import { readCorrections } from "./corrections.js";
import {
  CORRECTION_WEIGHT,
  foldOf,
  FOLDS,
  formatEvaluation,
  predict,
  trainingSetWithout,
  type LabelledLine,
} from "./evaluate.js";
import { extractFeatures } from "./features.js";
import { chooseThreshold, fitTemperature, type Prediction } from "./metrics.js";
import { encodeWeights, LABELS, LinearModel } from "./model.js";
import { findPlace, loadDistrictList } from "./places.js";
import { DEFAULT_TRAIN_OPTIONS, trainModel, type LabelledText } from "./trainer.js";

/** Macro-F1 we want of the texts the model decides without a person. */
const DECIDED_MACRO_F1_TARGET = 0.95;

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
  const corrections = readCorrections(dataDir);
  const sample: LabelledLine[] = readHeldOutSample().map((s) => ({
    text: s.text,
    label: s.category,
  }));
  const calibrationSet = corpus.filter((r) => foldOf(r) !== 0);
  const heldOut = corpus.filter((r) => foldOf(r) === 0);
  console.log(
    `corpus ${corpus.length} (fold 0 held out: ${heldOut.length}), corrections ${corrections.length}, sample ${sample.length}`,
  );

  const logits: Float64Array[] = [];
  const truth: number[] = [];
  const oof: { model: LinearModel; rows: LabelledLine[] }[] = [];
  for (let k = 1; k < FOLDS; k++) {
    const rows = calibrationSet.filter((r) => foldOf(r) === k);
    const model = new LinearModel(trainModel(trainingSetWithout(rows, calibrationSet, dataDir)));
    for (const r of rows) {
      logits.push(model.logits(extractFeatures(r.text)));
      truth.push(LABELS.indexOf(r.label));
    }
    oof.push({ model, rows });
  }
  const temperature = fitTemperature(logits, truth);
  const oofPreds: Prediction[] = oof.flatMap(({ model, rows }) => {
    model.temperature = temperature;
    return predict(model, rows);
  });
  const threshold = chooseThreshold(oofPreds, DECIDED_MACRO_F1_TARGET);
  console.log(`temperature ${temperature}, queue threshold ${threshold} (out-of-fold, folds 1-4)`);
  console.log(formatEvaluation("out-of-fold, folds 1-4", oofPreds, threshold));

  const splitModel = new LinearModel(
    trainModel(trainingSetWithout(heldOut, corpus, dataDir)),
    temperature,
  );
  console.log(
    formatEvaluation(
      "fold 0 (corpus/heldout.jsonl), model trained on folds 1-4",
      predict(splitModel, heldOut),
      threshold,
    ),
  );

  const all: LabelledText[] = [
    ...corpus.map((r) => ({ text: r.text, label: r.label })),
    ...corrections.map((c) => ({ ...c, weight: CORRECTION_WEIGHT })),
  ];
  const weights = trainModel(all);
  const finalModel = new LinearModel(weights, temperature);
  console.log(
    formatEvaluation(
      "shared sample (never trained on), final model",
      predict(finalModel, sample),
      threshold,
    ),
  );
  const sampleDistricts = readHeldOutSample();
  console.log(
    `locator, district exact match: sample ${(locatorAccuracy(sampleDistricts) * 100).toFixed(1)}%, fold 0 ${(locatorAccuracy(heldOut) * 100).toFixed(1)}%`,
  );

  const file = encodeWeights(weights, {
    temperature,
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
