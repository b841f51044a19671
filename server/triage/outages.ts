/**
 * Inferring feeder outages from the complaint stream (pure). A storm that trips a feeder brings
 * dozens of "no light" reports within minutes, far above that feeder's normal rate; the control
 * room should see one alarm, not fifty tickets. The test is a Poisson tail: the count in the
 * window must exceed both a floor and the expected count plus `sigma` standard deviations.
 */

export interface OutageSignal {
  feederId: string;
  substationId: string;
  at: number;
}

export interface OutageRules {
  windowMs: number;
  /** At least this many reports on one feeder within the window. */
  minFeederReports: number;
  /** Or at least this many over two or more feeders of one substation. */
  minSubstationReports: number;
  sigma: number;
}

export const DEFAULT_OUTAGE_RULES: OutageRules = {
  windowMs: 30 * 60_000,
  minFeederReports: 6,
  minSubstationReports: 10,
  sigma: 4,
};

export interface OutageCandidate {
  substationId: string;
  /** Feeders that crossed the threshold (or, for a substation-wide outage, every feeder reporting). */
  feederIds: string[];
  reports: number;
}

function threshold(expected: number, floor: number, sigma: number): number {
  return Math.max(floor, Math.ceil(expected + sigma * Math.sqrt(expected)));
}

/**
 * Given supply-cut signals inside the window ending at `now` and each feeder's normal rate of
 * supply-cut reports per hour, returns the outage the newest signal's substation is having, if any.
 */
export function inferOutage(
  signals: readonly OutageSignal[],
  substationId: string,
  now: number,
  normalPerHour: (feederId: string) => number,
  rules: OutageRules = DEFAULT_OUTAGE_RULES,
): OutageCandidate | null {
  const hours = rules.windowMs / 3_600_000;
  const perFeeder = new Map<string, number>();
  for (const s of signals) {
    if (s.substationId !== substationId || s.at <= now - rules.windowMs || s.at > now) continue;
    perFeeder.set(s.feederId, (perFeeder.get(s.feederId) ?? 0) + 1);
  }
  const hot = [...perFeeder].filter(
    ([f, n]) => n >= threshold(normalPerHour(f) * hours, rules.minFeederReports, rules.sigma),
  );
  const total = [...perFeeder.values()].reduce((a, b) => a + b, 0);
  const expectedAll = [...perFeeder.keys()].reduce((a, f) => a + normalPerHour(f) * hours, 0);
  const substationWide =
    perFeeder.size >= 2 && total >= threshold(expectedAll, rules.minSubstationReports, rules.sigma);
  if (hot.length === 0 && !substationWide) return null;
  // A substation-wide outage takes in every feeder with more than a stray report; otherwise only
  // the feeders that crossed their own threshold (a neighbour's single complaint stays separate).
  const affected = substationWide
    ? [...perFeeder].filter(([, n]) => n >= (hot.length ? 3 : 2))
    : [];
  const feederIds = [...new Set([...hot, ...affected].map(([f]) => f))].sort(
    (a, b) => (perFeeder.get(b) ?? 0) - (perFeeder.get(a) ?? 0) || a.localeCompare(b),
  );
  return {
    substationId,
    feederIds,
    reports: feederIds.reduce((a, f) => a + (perFeeder.get(f) ?? 0), 0),
  };
}
