import { CATEGORY_IDS, CHANNELS, SLA_STATES, STATUSES } from "../../../shared/domain.js";
import type { TicketFilters } from "../../api/types.js";

/** Reads filters from an address's query string (unknown values are ignored). */
export function filtersFromParams(p: URLSearchParams): TicketFilters {
  const pick = <T extends string>(key: string, allowed: readonly T[]): T | "" => {
    const v = p.get(key);
    return v !== null && (allowed as readonly string[]).includes(v) ? (v as T) : "";
  };
  return {
    category: pick("category", [...CATEGORY_IDS, "uncategorised"] as const),
    status: pick("status", [...STATUSES, "all"] as const),
    sla: pick("sla", SLA_STATES),
    channel: pick("channel", CHANNELS),
    q: (p.get("q") ?? "").slice(0, 200),
  };
}

/** Writes filters into a query string, keeping other parameters (such as ?lang= and ?sort=). */
export function filtersToParams(f: TicketFilters, base: URLSearchParams): URLSearchParams {
  const p = new URLSearchParams(base);
  for (const key of ["category", "status", "sla", "channel", "q"] as const) {
    const v = f[key].trim();
    if (v) p.set(key, v);
    else p.delete(key);
  }
  return p;
}
