import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { Clock } from "../clock/clock.js";
import type { Network } from "../network/loaded-network.js";
import type { Database } from "../store/schema.js";
import type { QuietHours } from "./quiet-hours.js";

/** When inferred outages are announced: at once, only once an officer confirms, or never. */
export type OutageNoticeMode = "inferred" | "confirmed" | "off";

export interface NoticeRules {
  mode: OutageNoticeMode;
  quietHours: QuietHours | null;
  /** Notices handed to the outbox per subject (incident or shutdown) per minute. */
  ratePerMinute: number;
  /** How long before a planned shutdown its consumers are told. */
  shutdownLeadMs: number;
}

/** What the notices module needs; built once in app.ts. */
export interface NoticeDeps {
  db: Kysely<Database>;
  network: Network;
  clock: Clock;
  log: Logger;
  rules: NoticeRules;
  /**
   * Told after a write that changes what the public outage feed shows: a shutdown scheduled or
   * cancelled, an outage's restoration time set (public/outage-feed.ts).
   */
  onPublicOutagesChanged?: () => void;
}

/** Feeder names as a notice shows them: up to three, then "and N more". */
export function feederNames(network: Network, feederIds: string[], language: "hi" | "en"): string {
  const names = feederIds
    .slice(0, 3)
    .map((id) => network.unit(id))
    .map((u, i) => (u ? (language === "hi" ? u.nameHi : u.name) : feederIds[i]));
  const more = feederIds.length - names.length;
  if (more <= 0) return names.join(", ");
  return language === "hi"
    ? `${names.join(", ")} व ${more} अन्य`
    : `${names.join(", ")} and ${more} more`;
}
