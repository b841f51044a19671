import type { TicketRow } from "../store/store.js";
import type { SlaLimit } from "./sla.js";

const DAY_MS = 86_400_000;

/**
 * Compensation the consumer is owed for a late fix: the per-day amount of the category for each
 * started day past the due time, until the fix (or until now while it is not fixed).
 */
export function compensationOwed(
  t: Pick<TicketRow, "due_at" | "category" | "status" | "resolved_at" | "closed_at">,
  limits: SlaLimit[],
  now: Date,
): { daysLate: number; amount: number } {
  if (!t.due_at || !t.category || t.status === "merged") return { daysLate: 0, amount: 0 };
  const fixedAt =
    t.status === "resolved" || t.status === "closed" ? (t.resolved_at ?? t.closed_at) : null;
  const end = fixedAt ? Date.parse(fixedAt) : now.getTime();
  const late = end - Date.parse(t.due_at);
  if (late <= 0) return { daysLate: 0, amount: 0 };
  const daysLate = Math.ceil(late / DAY_MS);
  const perDay = limits.find((l) => l.category === t.category)?.compensationPerDay ?? 0;
  return { daysLate, amount: daysLate * perDay };
}
