import type { UnitKind } from "../../shared/domain.js";
import { searchUnits } from "./endpoints.js";
import type { UnitSearchHit } from "./types.js";
import { useDebounced, useRemote } from "./useRemote.js";

export interface UnitSearch {
  results: UnitSearchHit[];
  searching: boolean;
  error: string | null;
}

/** Units whose English or Hindi name matches what is typed (from 2 characters, debounced). */
export function useUnitSearch(query: string, kind?: UnitKind, limit = 8): UnitSearch {
  const q = query.trim();
  const settled = useDebounced(q, 250);
  const key = settled.length >= 2 ? `${kind ?? "any"}:${limit}:${settled}` : null;
  const remote = useRemote(key, (signal) => searchUnits(settled, { kind, limit, signal }));
  const typing = q !== settled && q.length >= 2;
  return {
    results: key && q.length >= 2 ? (remote.data?.units ?? []) : [],
    searching: typing || remote.status === "loading",
    error: remote.error?.message ?? null,
  };
}
