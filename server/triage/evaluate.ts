/**
 * Evaluation on texts the model never trained on: `npm run triage -- --eval FILE` and train.ts.
 * A model is trained on the corpus (and staff corrections) minus every template group and every
 * text that appears in the evaluation file, so near-copies from one template cannot leak across.
 */
import { readCorpus, readJsonl, type CorpusRecord } from "./corpus/records.js";
import { readCorrections } from "./corrections.js";
import { categoriseWith } from "./categorise.js";
import {
  confusionMatrix,
  formatConfusion,
  formatQueueEffect,
  formatReport,
  queueEffect,
  score,
  type Prediction,
} from "./metrics.js";
import { LABELS, LinearModel, type Label } from "./model.js";
import { hashString } from "./rng.js";
import { trainModel, type LabelledText } from "./trainer.js";

/** Staff corrections count more than corpus lines. */
export const CORRECTION_WEIGHT = 3;
/** Folds of the corpus by template group; fold 0 is the documented held-out split. */
export const FOLDS = 5;
export const foldOf = (r: Pick<CorpusRecord, "group">): number => hashString(r.group) % FOLDS;

export interface LabelledLine {
  text: string;
  label: Label;
  group?: string;
}

/** Reads a labelled JSONL file: `text` and `category` (or `label`), optional `group`. */
export function readLabelled(path: string): LabelledLine[] {
  return readJsonl<Record<string, unknown>>(path).map((r, i) => {
    const label = String(r.category ?? r.label);
    if (typeof r.text !== "string" || !(LABELS as readonly string[]).includes(label))
      throw new Error(
        `${path} line ${i + 1}: needs "text" and a "category" among ${LABELS.join(", ")}`,
      );
    return {
      text: r.text,
      label: label as Label,
      group: typeof r.group === "string" ? r.group : undefined,
    };
  });
}

/** The training texts that share neither a template group nor a text with `held`. */
export function trainingSetWithout(
  held: LabelledLine[],
  corpus: CorpusRecord[] = readCorpus(),
  dataDir = process.env.DATA_DIR ?? "./data",
): LabelledText[] {
  const groups = new Set(held.flatMap((h) => (h.group ? [h.group] : [])));
  const texts = new Set(held.map((h) => h.text.trim()));
  return [
    ...corpus
      .filter((r) => !groups.has(r.group) && !texts.has(r.text.trim()))
      .map((r) => ({ text: r.text, label: r.label })),
    ...readCorrections(dataDir)
      .filter((c) => !texts.has(c.text.trim()))
      .map((c) => ({ ...c, weight: CORRECTION_WEIGHT })),
  ];
}

export function predict(model: LinearModel, rows: LabelledLine[]): Prediction[] {
  return rows.map((r) => {
    const c = categoriseWith(model, r.text, 0);
    return { truth: r.label, label: c.label, confidence: c.confidence };
  });
}

/** The full printed evaluation: per-label precision/recall/F1, the confusion matrix, the queue. */
export function formatEvaluation(title: string, preds: Prediction[], threshold: number): string {
  return [
    formatReport(title, score(preds, LABELS)),
    "confusion matrix (rows: truth, columns: best guess)",
    formatConfusion(confusionMatrix(preds)),
    formatQueueEffect(queueEffect(preds, threshold)),
  ].join("\n");
}

/**
 * Trains on everything the file does not contain and scores the file with the shipped temperature
 * and queue threshold. Deterministic: same corpus, corrections and file give the same figures.
 */
export function evaluateFile(
  path: string,
  calibration: { temperature: number; threshold: number },
): { text: string; preds: Prediction[]; trainedOn: number } {
  const held = readLabelled(path);
  const train = trainingSetWithout(held);
  const model = new LinearModel(trainModel(train), calibration.temperature);
  const preds = predict(model, held);
  const title = `${path} (${held.length} texts; model trained on ${train.length} texts sharing no template or text with it)`;
  return {
    text: formatEvaluation(title, preds, calibration.threshold),
    preds,
    trainedOn: train.length,
  };
}
