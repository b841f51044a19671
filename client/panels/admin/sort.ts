import type { Language } from "../../i18n/index.js";
import type { ScoreRow } from "./types.js";

/** The sortable columns of a scorecard table. */
export const SCORE_SORT_KEYS = [
  "name",
  "received",
  "open",
  "breached",
  "medianResolveHours",
  "confirmedClosureRate",
  "falseClosureRate",
  "closedUnconfirmed",
  "compensationOwed",
] as const;
export type ScoreSortKey = (typeof SCORE_SORT_KEYS)[number];
export type SortDirection = "asc" | "desc";

export interface ScoreSort {
  key: ScoreSortKey;
  dir: SortDirection;
}

export function isScoreSortKey(v: string | null | undefined): v is ScoreSortKey {
  return typeof v === "string" && (SCORE_SORT_KEYS as readonly string[]).includes(v);
}

/** Names A to Z; figures largest first, except confirmed closures, where the worst (lowest) comes first. */
export function defaultDirection(key: ScoreSortKey): SortDirection {
  return key === "name" || key === "confirmedClosureRate" ? "asc" : "desc";
}

/** Clicking the sorted column flips it; another column starts at its own default. */
export function nextSort(current: ScoreSort, key: ScoreSortKey): ScoreSort {
  if (current.key === key) return { key, dir: current.dir === "asc" ? "desc" : "asc" };
  return { key, dir: defaultDirection(key) };
}

const collators = new Map<Language, Intl.Collator>();
function collator(lng: Language): Intl.Collator {
  let c = collators.get(lng);
  if (!c) {
    c = new Intl.Collator(lng === "hi" ? "hi-IN" : "en-IN", { numeric: true, sensitivity: "base" });
    collators.set(lng, c);
  }
  return c;
}

/** The row's name in the chosen language (Hindi falls back to English). */
export function rowName(row: Pick<ScoreRow, "name" | "nameHi">, lng: Language): string {
  return lng === "hi" ? row.nameHi || row.name : row.name;
}

/**
 * Sorts scorecard rows by a column. Missing figures (null: nothing to measure) go last in either
 * direction; ties fall back to the name so the order does not jump between reloads.
 */
export function sortScoreRows(
  rows: readonly ScoreRow[],
  sort: ScoreSort,
  lng: Language,
): ScoreRow[] {
  const c = collator(lng);
  const sign = sort.dir === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (sort.key === "name")
      return c.compare(rowName(a, lng), rowName(b, lng)) * sign || a.id.localeCompare(b.id);
    const x = a[sort.key];
    const y = b[sort.key];
    if (x === null && y !== null) return 1;
    if (y === null && x !== null) return -1;
    if (x !== null && y !== null && x !== y) return (x - y) * sign;
    return c.compare(rowName(a, lng), rowName(b, lng)) || a.id.localeCompare(b.id);
  });
}

/** "Name (Designation, Unit)" as the scorecards send officers, split for two-line display. */
export function splitOfficerName(full: string): { name: string; designation: string | null } {
  const m = /^(.+?) \((.+)\)$/.exec(full);
  return m ? { name: m[1], designation: m[2] } : { name: full, designation: null };
}
