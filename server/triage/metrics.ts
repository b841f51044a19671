/** Evaluation of the categoriser: per-label precision/recall/F1, calibration and the queue threshold. */
import type { Label } from "./model.js";

export interface Prediction {
  truth: Label;
  label: Label;
  confidence: number;
}

export interface LabelScore {
  label: Label;
  support: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Report {
  accuracy: number;
  macroF1: number;
  perLabel: LabelScore[];
}

export function score(preds: Prediction[], labels: readonly Label[]): Report {
  const perLabel = labels.map((label): LabelScore => {
    const tp = preds.filter((p) => p.label === label && p.truth === label).length;
    const predicted = preds.filter((p) => p.label === label).length;
    const support = preds.filter((p) => p.truth === label).length;
    const precision = predicted > 0 ? tp / predicted : 0;
    const recall = support > 0 ? tp / support : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, support, precision, recall, f1 };
  });
  const present = perLabel.filter((s) => s.support > 0);
  return {
    accuracy: preds.length > 0 ? preds.filter((p) => p.label === p.truth).length / preds.length : 0,
    macroF1: present.reduce((a, s) => a + s.f1, 0) / Math.max(1, present.length),
    perLabel,
  };
}

/** What the queue threshold does: share auto-categorised, and accuracy of those. */
export function queueEffect(
  preds: Prediction[],
  threshold: number,
): { autoShare: number; autoAccuracy: number } {
  const auto = preds.filter((p) => p.label !== "other" && p.confidence >= threshold);
  const routable = preds.filter((p) => p.label !== "other").length;
  return {
    autoShare: routable > 0 ? auto.length / routable : 0,
    autoAccuracy:
      auto.length > 0 ? auto.filter((p) => p.truth === p.label).length / auto.length : 1,
  };
}

/** The temperature that minimises the negative log-likelihood of held-out labels. */
export function fitTemperature(logits: Float64Array[], truth: number[]): number {
  let best = 1;
  let bestNll = Infinity;
  for (let t = 0.25; t <= 4.001; t += 0.05) {
    let nll = 0;
    logits.forEach((z, i) => {
      let max = -Infinity;
      for (const v of z) max = Math.max(max, v / t);
      let sum = 0;
      for (const v of z) sum += Math.exp(v / t - max);
      nll -= z[truth[i]] / t - max - Math.log(sum);
    });
    if (nll < bestNll) [best, bestNll] = [t, nll];
  }
  return Math.round(best * 100) / 100;
}

/**
 * The lowest threshold at which texts the model routes itself are right at least `target` of the
 * time on held-out data: wrong routing costs an officer a wasted visit, the queue costs a clerk a
 * minute, so we want accuracy first and as little queue as that allows.
 */
export function chooseThreshold(
  preds: Prediction[],
  target: number,
  floor = 0.3,
  ceiling = 0.9,
): number {
  for (let t = floor; t <= ceiling + 1e-9; t += 0.01) {
    if (queueEffect(preds, t).autoAccuracy >= target) return Math.round(t * 100) / 100;
  }
  return ceiling;
}

export function formatReport(title: string, r: Report): string {
  const lines = [`${title}: accuracy ${pct(r.accuracy)}, macro-F1 ${pct(r.macroF1)}`];
  lines.push("  label                 n   prec   rec    F1");
  for (const s of r.perLabel) {
    lines.push(
      `  ${s.label.padEnd(20)} ${String(s.support).padStart(3)}  ${pct(s.precision)}  ${pct(s.recall)}  ${pct(s.f1)}`,
    );
  }
  return lines.join("\n");
}

function pct(x: number): string {
  return (x * 100).toFixed(1).padStart(5);
}
