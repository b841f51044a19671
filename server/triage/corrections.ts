/**
 * Staff corrections from the triage queue, kept as training data: each line of
 * DATA_DIR/triage-corrections.jsonl is { text, category } and train.ts learns from it.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { CategoryId } from "../../shared/domain.js";
import { LABELS, type Label } from "./model.js";

export const CORRECTIONS_FILE = "triage-corrections.jsonl";

export interface Correction {
  text: string;
  category: CategoryId | "other";
}

/** Records a person's categorisation of a text so the next training run learns it. */
export function appendCorrection(
  dataDir: string,
  text: string,
  category: CategoryId | "other",
): void {
  if (!(LABELS as readonly string[]).includes(category))
    throw new Error(`unknown category: ${category}`);
  mkdirSync(dataDir, { recursive: true });
  appendFileSync(join(dataDir, CORRECTIONS_FILE), JSON.stringify({ text, category }) + "\n");
}

/** The valid corrections in DATA_DIR (malformed lines are skipped, not fatal). */
export function readCorrections(dataDir: string): { text: string; label: Label }[] {
  const path = join(dataDir, CORRECTIONS_FILE);
  if (!existsSync(path)) return [];
  return readFileSync(path, "utf8")
    .split("\n")
    .map((line): Partial<Correction> => {
      try {
        return JSON.parse(line) as Partial<Correction>;
      } catch {
        return {};
      }
    })
    .filter(
      (c): c is Correction =>
        typeof c.text === "string" && (LABELS as readonly string[]).includes(String(c.category)),
    )
    .map((c) => ({ text: c.text, label: c.category }));
}
