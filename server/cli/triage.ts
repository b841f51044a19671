/**
 * npm run triage -- FILE.jsonl           one JSON line per input line
 * npm run triage -- --eval FILE.jsonl    precision/recall, confusion matrix and queue effect
 * npm run triage -- --help
 *
 * Without a network loaded, places resolve to districts only, so `unitId` is the district's unit
 * id (the network generator names district units by district id) or null.
 */
import { createReadStream } from "node:fs";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { categorise, confidenceThreshold } from "../triage/categorise.js";
import { evaluateFile } from "../triage/evaluate.js";
import type { ModelFile } from "../triage/model.js";
import { districtGazetteer, findPlace, loadDistrictList } from "../triage/places.js";

const HELP = `Categorise and place complaints from a JSON Lines file.

usage:
  npm run triage -- FILE.jsonl          reads { "id", "text", ... } per line; prints per line
                                        { id, category, label, confidence, district, unitId }
  npm run triage -- --eval FILE.jsonl   reads { "text", "category" (or "label"), "group"? } per line;
                                        trains a model on the corpus minus every template group
                                        and text in FILE, prints per-category precision/recall,
                                        the confusion matrix and how many texts skip the queue
  npm run triage -- --help              this text

fields:
  category    the category to route to, or null: the ticket waits in the triage queue
  label       the best guess even when queued (one of the six categories or "other")
  confidence  0..1, the model's belief in label; below the queue threshold the category is null
  district    English district name found in the text, or null
  unitId      the most specific network unit named (feeder, substation, else the district), or null
  queueReason why it waits for a person: category_unsure, place_unknown or both (absent if none)

example:
  npm run triage -- server/triage/corpus/examples.jsonl
  npm run triage -- --eval server/triage/corpus/heldout.jsonl
`;

const districtNames = new Map(loadDistrictList().map((d) => [d.id, d.name]));

export function triageLine(line: string): Record<string, unknown> {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return { id: null, error: "not valid JSON" };
  }
  if (typeof input !== "object" || input === null || Array.isArray(input))
    return { id: null, error: "not a JSON object" };
  const record = input as Record<string, unknown>;
  const id = typeof record.id === "string" || typeof record.id === "number" ? record.id : null;
  if (typeof record.text !== "string" || record.text.trim() === "")
    return { id, error: "missing text" };
  const c = categorise(record.text);
  const place = findPlace(record.text, districtGazetteer());
  const unitId = place.unitId ?? place.districtId;
  const categoryUnsure = c.category === null;
  const placeUnknown = unitId === null;
  const queueReason =
    categoryUnsure && placeUnknown
      ? "both"
      : categoryUnsure
        ? "category_unsure"
        : placeUnknown
          ? "place_unknown"
          : undefined;
  return {
    id,
    category: c.category,
    label: c.label,
    confidence: c.confidence,
    district: place.districtId ? (districtNames.get(place.districtId) ?? null) : null,
    unitId,
    ...(queueReason ? { queueReason } : {}),
  };
}

async function printLines(file: string): Promise<void> {
  const lines = createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === "") continue;
    process.stdout.write(JSON.stringify(triageLine(line)) + "\n");
  }
}

function printEvaluation(file: string): void {
  const model = JSON.parse(
    readFileSync(new URL("../triage/model.json", import.meta.url), "utf8"),
  ) as ModelFile;
  const { text } = evaluateFile(file, {
    temperature: model.temperature,
    threshold: confidenceThreshold(),
  });
  process.stdout.write(text + "\n");
}

async function main(args: string[]): Promise<void> {
  if (args.includes("--help") || args.includes("-h")) {
    process.stdout.write(HELP);
    return;
  }
  const evalAt = args.indexOf("--eval");
  if (evalAt >= 0) {
    const file = args[evalAt + 1];
    if (!file) throw new UsageError("--eval needs a labelled JSONL file");
    printEvaluation(file);
    return;
  }
  const file = args.find((a) => !a.startsWith("-"));
  if (!file) throw new UsageError("give a JSONL file");
  await printLines(file);
}

class UsageError extends Error {}

main(process.argv.slice(2)).catch((err: unknown) => {
  const usage = err instanceof UsageError;
  process.stderr.write(
    `triage: ${err instanceof Error ? err.message : String(err)}\n${usage ? "run npm run triage -- --help\n" : ""}`,
  );
  process.exit(usage ? 2 : 1);
});
