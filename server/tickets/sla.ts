import { AT_RISK_FRACTION, type CategoryId, type SlaState } from "../../shared/domain.js";

/**
 * The regulator's time limits. Only some values could be verified (see DOMAIN.md): those carry
 * `verified: true` and their source; the rest are reference values a discom must confirm, and the
 * settings screen marks them "not verified". Limits are in hours.
 */
export interface SlaLimit {
  category: CategoryId;
  aClassHours: number;
  urbanHours: number;
  ruralHours: number;
  compensationPerDay: number;
  verified: boolean;
  source: string;
}

export const DEFAULT_SLA_LIMITS: SlaLimit[] = [
  {
    category: "supply_cut",
    aClassHours: 6,
    urbanHours: 8,
    ruralHours: 24,
    compensationPerDay: 150,
    verified: true,
    source: "UPERC SoP 2019, transformer failure (HT 2020-02-19)",
  },
  {
    category: "pole_wire",
    aClassHours: 6,
    urbanHours: 6,
    ruralHours: 24,
    compensationPerDay: 100,
    verified: false,
    source: "Reference: TS SPDCL overhead line breakdown 6 h / 24 h; Rs 100/day UP cable breakdown",
  },
  {
    category: "meter_jumping",
    aClassHours: 7 * 24,
    urbanHours: 7 * 24,
    ruralHours: 15 * 24,
    compensationPerDay: 50,
    verified: false,
    source:
      "Reference: TS meter inspection 7 / 15 days; Rs 50/day UP defective meter (verified amount)",
  },
  {
    category: "meter_reading",
    aClassHours: 3 * 24,
    urbanHours: 3 * 24,
    ruralHours: 7 * 24,
    compensationPerDay: 200,
    verified: false,
    source: "Time not found; Rs 200/day UP wrong meter reading (verified amount)",
  },
  {
    category: "bill_generation",
    aClassHours: 3 * 24,
    urbanHours: 3 * 24,
    ruralHours: 7 * 24,
    compensationPerDay: 50,
    verified: false,
    source: "Time not found; Rs 50/day billing complaint (UPERC draft)",
  },
  {
    category: "connection_transfer",
    aClassHours: 7 * 24,
    urbanHours: 15 * 24,
    ruralHours: 30 * 24,
    compensationPerDay: 100,
    verified: false,
    source:
      "Electricity (Rights of Consumers) Rules 2020: modification 7/15/30 days; UP amount not found",
  },
];

/** Internal target for a ticket that still needs triage: a person should place it within a day. */
export const TRIAGE_HOURS = 24;

export interface Deadline {
  dueAt: string;
  atRiskAt: string;
}

export function deadlineFor(
  limits: SlaLimit[],
  category: CategoryId | null,
  feeder: { urban?: boolean; aClass?: boolean } | null,
  createdAt: string,
): Deadline {
  const limit = category ? limits.find((l) => l.category === category) : undefined;
  let hours = TRIAGE_HOURS;
  if (limit && feeder)
    hours = feeder.aClass ? limit.aClassHours : feeder.urban ? limit.urbanHours : limit.ruralHours;
  else if (limit) hours = limit.urbanHours;
  const start = Date.parse(createdAt);
  const ms = hours * 3_600_000;
  return {
    dueAt: new Date(start + ms).toISOString(),
    atRiskAt: new Date(start + ms * AT_RISK_FRACTION).toISOString(),
  };
}

export function slaStateAt(
  deadline: { dueAt: string | null; atRiskAt: string | null },
  now: Date,
): SlaState {
  const t = now.getTime();
  if (deadline.dueAt && t >= Date.parse(deadline.dueAt)) return "breached";
  if (deadline.atRiskAt && t >= Date.parse(deadline.atRiskAt)) return "at_risk";
  return "on_track";
}
