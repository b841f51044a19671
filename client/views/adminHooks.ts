import { useEffect, useState } from "react";
import { getUnitChildren, searchUnits } from "../api/endpoints.js";
import { useDebounced, useRemote } from "../api/useRemote.js";
import type { UnitHit } from "../panels/admin/UnitPicker.js";

/** Data hooks the administration views share (panels never fetch; these feed them). */

/** Search-as-you-type over units for the unit pickers. */
export function useUnitSearch() {
  const [query, setQuery] = useState("");
  const q = useDebounced(query.trim(), 250);
  const remote = useRemote(q.length >= 2 ? `units:${q}` : null, (signal) =>
    searchUnits(q, { limit: 12, signal }),
  );
  const hits: UnitHit[] = remote.data?.units ?? [];
  return {
    query,
    setQuery,
    hits,
    status: query.trim() !== q ? ("loading" as const) : remote.status,
    error: remote.error?.message ?? null,
  };
}

/** A unit with its breadcrumbs and children (the drill-down endpoint), for trails and pickers. */
export function useUnitInfo(unitId: string) {
  return useRemote(`unit:${unitId}`, (signal) => getUnitChildren(unitId, signal));
}

type UnitName = { name: string; nameHi: string };

/** Names of the units the routing exceptions name: known from picks, else looked up once. */
export function useUnitNames(ids: readonly string[]) {
  const [names, setNames] = useState<Record<string, UnitName>>({});
  const missing = ids.filter((id) => id && !names[id]).join("|");
  useEffect(() => {
    if (!missing) return;
    const controller = new AbortController();
    for (const id of missing.split("|")) {
      getUnitChildren(id, controller.signal).then(
        (r) => setNames((n) => ({ ...n, [id]: { name: r.unit.name, nameHi: r.unit.nameHi } })),
        () => undefined, // An unknown unit keeps showing its id; saving reports it.
      );
    }
    return () => controller.abort();
  }, [missing]);
  const remember = (id: string, name: UnitName) => setNames((n) => ({ ...n, [id]: name }));
  return { names, remember };
}
