/**
 * Staff corrections from the triage queue, kept as training data: each line of
 * DATA_DIR/triage-corrections.jsonl is { text, category } and train.ts learns from it.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { CategoryId } from "../../shared/domain.js";
import { LABELS, type Label } from "./model.js";

export const CORRECTIONS_FILE = "triage-corrections.jsonl";

export interface Correction {
  text: string;
  category: CategoryId | "other";
}

/** Bounds, so one user (or a stolen session) cannot flood the training data. */
export const MAX_CORRECTIONS_PER_USER_DAY = 500;
export const MAX_CORRECTIONS_BYTES = 20 * 1024 * 1024;
const perUserDay = new Map<string, number>();

/**
 * Records a person's categorisation of a text so the next training run learns it, with who made
 * it. Returns false (and writes nothing) past the per-user daily bound or the file's size bound.
 */
export function appendCorrection(
  dataDir: string,
  text: string,
  category: CategoryId | "other",
  by = "unknown",
  now = new Date(),
): boolean {
  if (!(LABELS as readonly string[]).includes(category))
    throw new Error(`unknown category: ${category}`);
  const key = `${now.toISOString().slice(0, 10)}|${by}`;
  const used = perUserDay.get(key) ?? 0;
  if (used >= MAX_CORRECTIONS_PER_USER_DAY) return false;
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, CORRECTIONS_FILE);
  if (existsSync(file) && statSync(file).size > MAX_CORRECTIONS_BYTES) return false;
  if (perUserDay.size > 10_000) perUserDay.clear();
  perUserDay.set(key, used + 1);
  appendFileSync(
    file,
    JSON.stringify({ text: text.slice(0, 4000), category, by, at: now.toISOString() }) + "\n",
  );
  return true;
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
