/**
 * npm run triage -- FILE.jsonl
 * Reads { "id", "text", ... } lines and prints one JSON line per input:
 * { id, category (null = triage queue), confidence, district (English name or null), unitId }.
 * A bad line prints { id, error } and the run goes on. Only districts are known here (no network),
 * so unitId is always null.
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { categorise } from "../triage/categorise.js";
import { districtGazetteer, findPlace, loadDistrictList } from "../triage/places.js";

const districtNames = new Map(loadDistrictList().map((d) => [d.id, d.name]));

function triageLine(line: string): Record<string, unknown> {
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
  return {
    id,
    category: c.category,
    confidence: c.confidence,
    district: place.districtId ? (districtNames.get(place.districtId) ?? null) : null,
    unitId: place.unitId,
  };
}

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write("usage: npm run triage -- FILE.jsonl\n");
    process.exit(2);
  }
  const lines = createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === "") continue;
    process.stdout.write(JSON.stringify(triageLine(line)) + "\n");
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`triage: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
