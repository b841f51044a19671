/**
 * How much staff corrections move the figures: npx tsx server/triage/corrections-effect.ts
 *
 * The hand-written corpus lines stand in for real complaints (whole sentences, not templates).
 * They are split in two halves by a hash of their group. The baseline model trains on the
 * generated corpus only and is scored on half B. Then the half-A lines a person would have
 * touched (queued or wrongly routed by the baseline) are added as corrections, weighted as
 * train.ts weights them, and the retrained model is scored on half B again.
 */
import { readFileSync } from "node:fs";
import { readCorpus } from "./corpus/records.js";
import { CORRECTION_WEIGHT, predict, type LabelledLine } from "./evaluate.js";
import { formatQueueEffect, queueEffect, score } from "./metrics.js";
import { LABELS, LinearModel, type ModelFile } from "./model.js";
import { hashString } from "./rng.js";
import { trainModel, type LabelledText } from "./trainer.js";

const shipped = JSON.parse(
  readFileSync(new URL("./model.json", import.meta.url), "utf8"),
) as ModelFile;
const corpus = readCorpus();
const hand = corpus.filter((r) => r.group.startsWith("hand/"));
const generated: LabelledText[] = corpus
  .filter((r) => !r.group.startsWith("hand/"))
  .map((r) => ({ text: r.text, label: r.label }));
const halfA: LabelledLine[] = hand.filter((r) => hashString(r.group) % 2 === 0);
const halfB: LabelledLine[] = hand.filter((r) => hashString(r.group) % 2 === 1);

function report(title: string, model: LinearModel): void {
  const preds = predict(model, halfB);
  const q = queueEffect(preds, shipped.threshold);
  console.log(
    `${title}: macro-F1 ${(score(preds, LABELS).macroF1 * 100).toFixed(1)}; ${formatQueueEffect(q)}`,
  );
}

const baseline = new LinearModel(trainModel(generated), shipped.temperature);
report(`half B (${halfB.length} lines), no corrections`, baseline);
const touched = predict(baseline, halfA).flatMap((p, i) =>
  p.confidence < shipped.threshold || p.label !== p.truth ? [halfA[i]] : [],
);
const corrected = new LinearModel(
  trainModel([
    ...generated,
    ...touched.map((c) => ({ text: c.text, label: c.label, weight: CORRECTION_WEIGHT })),
  ]),
  shipped.temperature,
);
report(`half B, after ${touched.length} corrections from half A`, corrected);
