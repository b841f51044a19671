import type { UnitChildStats } from "../../api/types.js";
import type { Language } from "../../i18n/index.js";

/** The sortable columns of the children table. */
export const CHILD_SORT_KEYS = [
  "name",
  "open",
  "atRisk",
  "breached",
  "medianOpenAgeHours",
  "confirmedClosurePct",
  "compensationOwed",
] as const;
export type ChildSortKey = (typeof CHILD_SORT_KEYS)[number];
export type SortDirection = "asc" | "desc";

export interface ChildSort {
  key: ChildSortKey;
  dir: SortDirection;
}

/** Numbers are most useful largest first; names A to Z. */
export function defaultDirection(key: ChildSortKey): SortDirection {
  return key === "name" ? "asc" : "desc";
}

/** Clicking the sorted column flips it; clicking another starts at that column's default. */
export function nextSort(current: ChildSort, key: ChildSortKey): ChildSort {
  if (current.key === key) return { key, dir: current.dir === "asc" ? "desc" : "asc" };
  return { key, dir: defaultDirection(key) };
}

export function isChildSortKey(v: string | null): v is ChildSortKey {
  return v !== null && (CHILD_SORT_KEYS as readonly string[]).includes(v);
}

/** The sort an address asks for (?sort=breached&dir=desc); open tickets, most first, by default. */
export function sortFromParams(p: URLSearchParams): ChildSort {
  const key = p.get("sort");
  if (!isChildSortKey(key)) return { key: "open", dir: "desc" };
  const dir = p.get("dir");
  return { key, dir: dir === "asc" || dir === "desc" ? dir : defaultDirection(key) };
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

/**
 * Sorts children by a column. Missing values (no open tickets, so no median age) go last in
 * either direction; ties fall back to the name so the order is stable between updates.
 */
export function sortChildren(
  rows: readonly UnitChildStats[],
  sort: ChildSort,
  lng: Language,
): UnitChildStats[] {
  const c = collator(lng);
  const name = (r: UnitChildStats) => (lng === "hi" ? r.nameHi || r.name : r.name);
  const sign = sort.dir === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (sort.key !== "name") {
      const x = a[sort.key];
      const y = b[sort.key];
      if (x === null && y !== null) return 1;
      if (y === null && x !== null) return -1;
      if (x !== null && y !== null && x !== y) return (x - y) * sign;
      return c.compare(name(a), name(b));
    }
    return c.compare(name(a), name(b)) * sign;
  });
}

/** Live counts (from the socket) replace the fetched ones, which were true only when fetched. */
export function withLiveCounts(
  rows: readonly UnitChildStats[],
  live: Readonly<
    Record<string, { open: number; bySla: { at_risk: number; breached: number } }>
  > | null,
): UnitChildStats[] {
  if (!live) return [...rows];
  return rows.map((r) => {
    const c = live[r.id];
    return c ? { ...r, open: c.open, atRisk: c.bySla.at_risk, breached: c.bySla.breached } : r;
  });
}
