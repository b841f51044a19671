/**
 * npm run triage -- FILE.jsonl           one JSON line per input line
 * npm run triage -- --eval FILE.jsonl    precision/recall, confusion matrix and queue effect
 * npm run triage -- --help
 *
 * Places resolve against the demo network `npm start` generates (NETWORK_SEED, NETWORK_FEEDERS),
 * with the same rule as intake: a named feeder or substation, else the named district's control room.
 */
import { createReadStream } from "node:fs";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { loadDistricts } from "../network/districts.js";
import { generateNetwork } from "../network/generate.js";
import { Network } from "../network/loaded-network.js";
import { categorise, confidenceThreshold } from "../triage/categorise.js";
import { evaluateFile } from "../triage/evaluate.js";
import type { ModelFile } from "../triage/model.js";
import { createTextTriage } from "../triage/text-triage.js";

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
  unitId      the unit the ticket would wait at: the feeder or substation named, else the control
              room (circle) of the district named, or null (the whole network's queue)
  queueReason why it waits for a person: category_unsure, place_unknown or both (absent if none)

examples:
  npm run triage -- server/triage/corpus/examples.jsonl
  npm run triage -- --eval server/triage/corpus/heldout.jsonl

environment:
  NETWORK_SEED, NETWORK_FEEDERS   the demo network to place on (defaults as npm start: 2017, 3000)
  DATA_DIR                        staff corrections read by --eval (default ./data)
`;

interface Reader {
  network: Network;
  findPlace: ReturnType<typeof createTextTriage>["findPlace"];
}

function demoNetwork(): Reader {
  const network = new Network(
    generateNetwork({
      seed: Number(process.env.NETWORK_SEED ?? 2017),
      feeders: Number(process.env.NETWORK_FEEDERS ?? 3000),
    }),
    loadDistricts(),
  );
  return { network, findPlace: createTextTriage(network).findPlace };
}

export function triageLine(reader: Reader, line: string): Record<string, unknown> {
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
  const place = reader.findPlace(record.text);
  const districtId = place?.districtId ?? null;
  const unitId =
    place?.unitId ?? (districtId ? (reader.network.districtUnit(districtId)?.id ?? null) : null);
  const categoryUnsure = c.category === null;
  // As in intake: only a feeder places a ticket; a district or substation narrows where it waits.
  const placeUnknown = !place?.unitId || reader.network.unit(place.unitId)?.kind !== "feeder";
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
    district: districtId ? (reader.network.districts.get(districtId)?.name ?? null) : null,
    unitId,
    ...(queueReason ? { queueReason } : {}),
  };
}

async function printLines(file: string): Promise<void> {
  const reader = demoNetwork();
  const lines = createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === "") continue;
    process.stdout.write(JSON.stringify(triageLine(reader, line)) + "\n");
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

// `npm run triage -- FILE | head` closes the pipe early; that is not an error.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(0);
  throw err;
});

main(process.argv.slice(2)).catch((err: unknown) => {
  const usage = err instanceof UsageError;
  process.stderr.write(
    `triage: ${err instanceof Error ? err.message : String(err)}\n${usage ? "run npm run triage -- --help\n" : ""}`,
  );
  process.exit(usage ? 2 : 1);
});
