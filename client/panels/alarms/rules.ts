import type { IncidentView } from "../../../shared/live.js";

/**
 * When the control room raises an alarm. Pure functions over what the live store holds, so the
 * rules are tested as plain TypeScript and the wall and the desk agree.
 *
 * - **New incident**: an open incident id appears that this screen had not seen. Incidents already
 *   open in the first snapshot (or after switching unit) are shown on the map but do not alarm.
 * - **Breach surge**: the unit's breached open tickets rise by at least `threshold` (default
 *   {@link DEFAULT_SURGE_THRESHOLD}, `?surge=N` in the address) above their lowest value within the
 *   last {@link SURGE_WINDOW_MS} (10 minutes). After an alarm the baseline restarts at the current
 *   value, so a continuing surge alarms again only after another `threshold` breaches.
 */

export const SURGE_WINDOW_MS = 10 * 60_000;
export const DEFAULT_SURGE_THRESHOLD = 10;
/** Alarms a screen keeps (newest first); older ones fall off. */
export const ALARM_LIMIT = 20;
/** Alarms older than this leave the list, so a wall never shows yesterday's alarm. */
export const ALARM_TTL_MS = 60 * 60_000;
/** Samples kept for the surge window at most (values are stored only when they change). */
const MAX_SAMPLES = 1200;

export interface BreachSample {
  at: number;
  value: number;
}

export interface Surge {
  /** Lowest breached count in the window, and the count now. */
  from: number;
  to: number;
  /** When the lowest value was seen. */
  since: number;
}

/**
 * Adds one observation of the breached count and says whether it completes a surge. Samples
 * older than the window are dropped, except the last one before it (its value held at the window's
 * start).
 */
export function observeBreached(
  samples: readonly BreachSample[],
  at: number,
  value: number,
  threshold: number,
): { samples: BreachSample[]; surge: Surge | null } {
  const start = at - SURGE_WINDOW_MS;
  let kept = samples.slice();
  while (kept.length > 1 && kept[1].at <= start) kept.shift();
  if (kept.length === 0 || kept[kept.length - 1].value !== value) kept.push({ at, value });
  if (kept.length > MAX_SAMPLES) kept = kept.slice(kept.length - MAX_SAMPLES);
  let low = kept[0];
  for (const s of kept) if (s.value < low.value) low = s;
  if (threshold > 0 && value - low.value >= threshold) {
    return {
      samples: [{ at, value }],
      surge: { from: low.value, to: value, since: Math.max(low.at, start) },
    };
  }
  return { samples: kept, surge: null };
}

export type Alarm =
  | { id: string; kind: "incident"; at: number; incident: IncidentView }
  | { id: string; kind: "surge"; at: number; surge: Surge };

/** What a screen remembers between updates to decide what is new. */
export interface AlarmTracker {
  unitId: string | null;
  /** Incident ids seen open on this unit (bounded by what is open now plus recent alarms). */
  seen: ReadonlySet<string>;
  samples: readonly BreachSample[];
}

export const EMPTY_TRACKER: AlarmTracker = { unitId: null, seen: new Set(), samples: [] };

/**
 * Compares one live state with what was seen before. A different unit starts over silently.
 */
export function trackAlarms(
  tracker: AlarmTracker,
  live: { unitId: string; breached: number; incidents: readonly IncidentView[] },
  at: number,
  threshold: number,
): { tracker: AlarmTracker; raised: Alarm[] } {
  const open = live.incidents.filter((i) => i.status === "open");
  if (tracker.unitId !== live.unitId) {
    return {
      tracker: {
        unitId: live.unitId,
        seen: new Set(open.map((i) => i.id)),
        samples: [{ at, value: live.breached }],
      },
      raised: [],
    };
  }
  const raised: Alarm[] = [];
  for (const i of open) {
    if (!tracker.seen.has(i.id))
      raised.push({ id: `incident:${i.id}`, kind: "incident", at, incident: i });
  }
  const { samples, surge } = observeBreached(tracker.samples, at, live.breached, threshold);
  if (surge) raised.push({ id: `surge:${at}`, kind: "surge", at, surge });
  // Remember only what is open now: a resolved incident's id cannot come back as new.
  const seen =
    raised.length || open.length !== tracker.seen.size
      ? new Set(open.map((i) => i.id))
      : tracker.seen;
  return { tracker: { unitId: live.unitId, seen, samples }, raised };
}

/** Newest first, at most {@link ALARM_LIMIT}, none older than {@link ALARM_TTL_MS}. */
export function addAlarms(list: readonly Alarm[], raised: readonly Alarm[], now: number): Alarm[] {
  const out = [...raised.slice().reverse(), ...list].filter((a) => now - a.at < ALARM_TTL_MS);
  return out.length > ALARM_LIMIT ? out.slice(0, ALARM_LIMIT) : out;
}

/** `?surge=N`: a positive whole number, else the default. */
export function parseSurgeThreshold(value: string | null): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 && n <= 100_000 ? n : DEFAULT_SURGE_THRESHOLD;
}

/**
 * The alarms a screen shows, built from state rather than from the moment it loaded: every open
 * incident of the unit (with its live report count, dated from when it started) and the breach
 * surges raised within the last hour, newest first, less the ones a person dismissed. A reload or
 * a reconnect therefore shows the same alarms as before it.
 */
export function alarmsFromState(
  incidents: readonly IncidentView[],
  surges: readonly Alarm[],
  dismissed: ReadonlySet<string>,
  now: number,
): { alarms: Alarm[]; total: number } {
  const all: Alarm[] = [];
  for (const i of incidents) {
    if (i.status !== "open") continue;
    const id = `incident:${i.id}`;
    if (!dismissed.has(id))
      all.push({ id, kind: "incident", at: Date.parse(i.startedAt), incident: i });
  }
  for (const s of surges) if (!dismissed.has(s.id) && now - s.at < ALARM_TTL_MS) all.push(s);
  all.sort((a, b) => b.at - a.at || a.id.localeCompare(b.id));
  return { alarms: all.slice(0, ALARM_LIMIT), total: all.length };
}
