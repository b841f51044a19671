/**
 * The categoriser's model: multinomial logistic regression over sparse binary features. The
 * weights are stored quantised (int16, base64) in model.json so the committed file stays small.
 */
import { CATEGORY_IDS, type CategoryId } from "../../shared/domain.js";

export type Label = CategoryId | "other";
/** The seven labels the model chooses between: the six categories and "other". */
export const LABELS: readonly Label[] = [...CATEGORY_IDS, "other"];

export interface ModelFile {
  version: 1;
  labels: Label[];
  features: string[];
  /** Row-major [feature][label] int16 weights, base64; multiply by `scale`. */
  weights: string;
  scale: number;
  bias: number[];
  /** Softmax temperature fitted on held-out data so confidences are calibrated. */
  temperature: number;
  /** Confidence below which a text goes to the triage queue. */
  threshold: number;
  trainedOn: { documents: number; corrections: number };
}

/** Dense weights in memory, as the trainer produces and the runtime uses. */
export interface Weights {
  labels: Label[];
  features: string[];
  w: Float32Array;
  bias: Float32Array;
}

export class LinearModel {
  /** Each feature's row in the weights (FeatureIds numbers its ids from the same index). */
  readonly index: ReadonlyMap<string, number>;
  readonly labels: Label[];
  private readonly k: number;

  constructor(
    private readonly weights: Weights,
    public temperature = 1,
  ) {
    this.labels = weights.labels;
    this.k = weights.labels.length;
    this.index = new Map(weights.features.map((f, i) => [f, i]));
  }

  /** Raw scores (logits) for each label. Features are scaled by 1/sqrt(n), as in training. */
  logits(features: string[]): Float64Array {
    // A feature the model does not know gets an id past its own: it counts, it adds nothing.
    const unknown = this.weights.features.length;
    return this.logitsOfIds(features.map((f) => this.index.get(f) ?? unknown));
  }

  /**
   * logits() for features given as ids (FeatureIds): ids below the model's feature count index
   * its weights, the rest are features it does not know (they count towards the scaling only).
   */
  logitsOfIds(ids: readonly number[]): Float64Array {
    const { w, bias, features } = this.weights;
    const z = Float64Array.from(bias);
    const value = ids.length > 0 ? 1 / Math.sqrt(ids.length) : 0;
    const known = features.length;
    for (const i of ids) {
      if (i >= known) continue;
      const row = i * this.k;
      for (let c = 0; c < this.k; c++) z[c] += w[row + c] * value;
    }
    return z;
  }

  /** Calibrated probabilities for each label. */
  probabilities(features: string[]): Float64Array {
    return softmax(this.logits(features), this.temperature);
  }
}

export function softmax(z: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (const v of z) max = Math.max(max, v / temperature);
  const out = new Float64Array(z.length);
  let sum = 0;
  for (let i = 0; i < z.length; i++) {
    out[i] = Math.exp(z[i] / temperature - max);
    sum += out[i];
  }
  for (let i = 0; i < z.length; i++) out[i] /= sum;
  return out;
}

/** Quantises weights to int16 for model.json. */
export function encodeWeights(
  weights: Weights,
  meta: Omit<ModelFile, "version" | "labels" | "features" | "weights" | "scale" | "bias">,
): ModelFile {
  let max = 0;
  for (const v of weights.w) max = Math.max(max, Math.abs(v));
  const scale = max > 0 ? max / 32767 : 1;
  const q = new Int16Array(weights.w.length);
  for (let i = 0; i < q.length; i++) q[i] = Math.round(weights.w[i] / scale);
  return {
    version: 1,
    labels: weights.labels,
    features: weights.features,
    weights: Buffer.from(q.buffer, q.byteOffset, q.byteLength).toString("base64"),
    scale,
    bias: Array.from(weights.bias, (b) => Math.round(b * 1e4) / 1e4),
    ...meta,
  };
}

export function decodeWeights(file: ModelFile): Weights {
  // Copy into a fresh buffer: a decoded Buffer may sit at an odd offset of Node's shared pool.
  const bytes = new Uint8Array(Buffer.from(file.weights, "base64"));
  const q = new Int16Array(bytes.buffer, 0, bytes.byteLength / 2);
  const w = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) w[i] = q[i] * file.scale;
  if (w.length !== file.features.length * file.labels.length)
    throw new Error("model.json: weights do not match features");
  return { labels: file.labels, features: file.features, w, bias: Float32Array.from(file.bias) };
}
