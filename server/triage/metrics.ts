/** Evaluation of the categoriser: per-label precision/recall/F1, calibration and the queue threshold. */
import { LABELS, type Label } from "./model.js";

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

/** What the queue threshold does to a set of predictions. */
export interface QueueEffect {
  threshold: number;
  /** Share of all texts decided without a person (confidence at or above the threshold). */
  coverage: number;
  /** Macro-F1 over the seven labels, counted on the decided texts only. */
  decidedMacroF1: number;
  /** Accuracy on the decided texts. */
  decidedAccuracy: number;
  /** Of texts that are one of the six categories, the share routed to a category without a person. */
  routedShare: number;
}

export function queueEffect(preds: Prediction[], threshold: number): QueueEffect {
  const decided = preds.filter((p) => p.confidence >= threshold);
  const complaints = preds.filter((p) => p.truth !== "other");
  const routed = complaints.filter((p) => p.label !== "other" && p.confidence >= threshold);
  const decidedScore = score(decided, LABELS);
  return {
    threshold,
    coverage: preds.length > 0 ? decided.length / preds.length : 0,
    decidedMacroF1: decidedScore.macroF1,
    decidedAccuracy: decidedScore.accuracy,
    routedShare: complaints.length > 0 ? routed.length / complaints.length : 0,
  };
}

/** counts[truth][predicted], rows and columns in LABELS order. */
export function confusionMatrix(preds: Prediction[]): number[][] {
  const m = LABELS.map(() => LABELS.map(() => 0));
  for (const p of preds) m[LABELS.indexOf(p.truth)][LABELS.indexOf(p.label)]++;
  return m;
}

const SHORT: Record<Label, string> = {
  supply_cut: "supply",
  pole_wire: "pole",
  meter_jumping: "meter",
  meter_reading: "reading",
  bill_generation: "bill",
  connection_transfer: "transfer",
  other: "other",
};

export function formatConfusion(m: number[][]): string {
  const head = "  truth \\ predicted".padEnd(22) + LABELS.map((l) => SHORT[l].padStart(9)).join("");
  const rows = m.map(
    (row, i) => `  ${SHORT[LABELS[i]].padEnd(20)}` + row.map((n) => String(n).padStart(9)).join(""),
  );
  return [head, ...rows].join("\n");
}

export function formatQueueEffect(q: QueueEffect): string {
  return `at threshold ${q.threshold}: ${pct(q.coverage).trim()}% decided without a person (macro-F1 ${pct(q.decidedMacroF1).trim()}, accuracy ${pct(q.decidedAccuracy).trim()}); ${pct(q.routedShare).trim()}% of the six categories' complaints routed automatically`;
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
 * The lowest threshold at which the texts the model decides itself reach `target` macro-F1 on
 * held-out data: a wrong routing costs an officer a wasted visit, the queue costs a clerk a minute,
 * so we want quality first and as little queue as that allows.
 */
export function chooseThreshold(
  preds: Prediction[],
  target: number,
  floor = 0.3,
  ceiling = 0.95,
): number {
  for (let t = floor; t <= ceiling + 1e-9; t += 0.01) {
    const rounded = Math.round(t * 100) / 100;
    if (queueEffect(preds, rounded).decidedMacroF1 >= target) return rounded;
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
