/**
 * Trains the softmax regression in model.ts: AdaGrad on the cross-entropy with L2 shrinkage.
 * Used only by train.ts; the runtime never imports it.
 */
import { extractFeatures } from "./features.js";
import { LABELS, type Label, type Weights } from "./model.js";
import { mulberry32, shuffle } from "./rng.js";

export interface LabelledText {
  text: string;
  label: Label;
  /** Corrections from staff count more than corpus lines. */
  weight?: number;
}

export interface TrainOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  /** A feature must occur in this many training texts to be kept (keeps model.json small). */
  minDocs: number;
  seed: number;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  epochs: 30,
  learningRate: 0.5,
  l2: 1e-5,
  minDocs: 2,
  seed: 7,
};

interface Row {
  idx: Int32Array;
  value: number;
  y: number;
  weight: number;
}

export function trainModel(
  examples: LabelledText[],
  opts: TrainOptions = DEFAULT_TRAIN_OPTIONS,
): Weights {
  const labels = [...LABELS];
  const k = labels.length;
  const featureSets = examples.map((e) => extractFeatures(e.text));
  const docCount = new Map<string, number>();
  for (const fs of featureSets) for (const f of fs) docCount.set(f, (docCount.get(f) ?? 0) + 1);
  const features = [...docCount.entries()]
    .filter(([, n]) => n >= opts.minDocs)
    .map(([f]) => f)
    .sort();
  const index = new Map(features.map((f, i) => [f, i]));
  const rows: Row[] = examples.map((e, r) => {
    const all = featureSets[r];
    const idx = Int32Array.from(all.map((f) => index.get(f) ?? -1).filter((i) => i >= 0));
    // Scale by the number of all features (known or not), exactly as LinearModel.logits does.
    return {
      idx,
      value: all.length > 0 ? 1 / Math.sqrt(all.length) : 0,
      y: labels.indexOf(e.label),
      weight: e.weight ?? 1,
    };
  });

  const w = new Float32Array(features.length * k);
  const g2 = new Float32Array(features.length * k).fill(1e-8);
  const bias = new Float32Array(k);
  const bg2 = new Float32Array(k).fill(1e-8);
  const rand = mulberry32(opts.seed);
  const z = new Float64Array(k);
  const order = rows.map((_, i) => i);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    shuffle(order, rand);
    for (const r of order) {
      const row = rows[r];
      for (let c = 0; c < k; c++) z[c] = bias[c];
      for (const i of row.idx) for (let c = 0; c < k; c++) z[c] += w[i * k + c] * row.value;
      let max = -Infinity;
      for (let c = 0; c < k; c++) max = Math.max(max, z[c]);
      let sum = 0;
      for (let c = 0; c < k; c++) sum += z[c] = Math.exp(z[c] - max);
      for (let c = 0; c < k; c++) {
        const grad = (z[c] / sum - (c === row.y ? 1 : 0)) * row.weight;
        bg2[c] += grad * grad;
        bias[c] -= (opts.learningRate * grad) / Math.sqrt(bg2[c]);
        for (const i of row.idx) {
          const j = i * k + c;
          const gj = grad * row.value + opts.l2 * w[j];
          g2[j] += gj * gj;
          w[j] -= (opts.learningRate * gj) / Math.sqrt(g2[j]);
        }
      }
    }
  }
  return { labels, features, w, bias };
}
