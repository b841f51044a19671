import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { LiveUnitState } from "../../live/state.js";
import {
  alarmsFromState,
  ALARM_TTL_MS,
  EMPTY_TRACKER,
  trackAlarms,
  type Alarm,
  type AlarmTracker,
} from "./rules.js";
import { playAlarmTone } from "./tone.js";

export interface AlarmsState {
  /** Newest first, at most ALARM_LIMIT. */
  alarms: Alarm[];
  /** All alarms standing, including those beyond the list's limit. */
  total: number;
  dismiss(id: string): void;
  dismissAll(): void;
}

/** Surges and dismissals outlive a reload of the wall (surges for an hour). */
const STORE_KEY = "nigrani.alarms";

interface Remembered {
  unitId: string;
  surges: Alarm[];
  dismissed: string[];
}

function recall(unitId: string, now: number): { surges: Alarm[]; dismissed: Set<string> } {
  try {
    const r = JSON.parse(localStorage.getItem(STORE_KEY) ?? "null") as Remembered | null;
    if (r && r.unitId === unitId) {
      return {
        surges: r.surges.filter((s) => s.kind === "surge" && now - s.at < ALARM_TTL_MS),
        dismissed: new Set(r.dismissed),
      };
    }
  } catch {
    // Storage blocked or garbled: start without memory.
  }
  return { surges: [], dismissed: new Set() };
}

function remember(unitId: string, surges: Alarm[], dismissed: ReadonlySet<string>): void {
  try {
    const r: Remembered = { unitId, surges, dismissed: [...dismissed].slice(-500) };
    localStorage.setItem(STORE_KEY, JSON.stringify(r));
  } catch {
    // A private window may refuse storage; the alarms still work for this visit.
  }
}

/**
 * The alarms panel's content from the live state (see alarmsFromState): open incidents with live
 * counts, and breach surges seen by this screen (remembered across reloads). The tone plays only
 * for what is new while the screen watches, never for what a reload finds already open.
 */
export function useAlarms(
  live: LiveUnitState | null,
  opts: { threshold: number; sound: boolean; now: number },
): AlarmsState {
  const tracker = useRef<AlarmTracker>(EMPTY_TRACKER);
  const unitId = live?.unitId ?? null;
  const [memory, setMemory] = useState<{
    unitId: string | null;
    surges: Alarm[];
    dismissed: Set<string>;
  }>({ unitId: null, surges: [], dismissed: new Set() });
  const sound = useRef(opts.sound);
  useEffect(() => {
    sound.current = opts.sound;
  }, [opts.sound]);

  // Another unit (or the first snapshot): take up what this browser remembered for it.
  if (unitId !== null && memory.unitId !== unitId) {
    setMemory({ unitId, ...recall(unitId, Date.now()) });
  }

  useEffect(() => {
    if (!live) return;
    const at = live.updatedAt;
    const next = trackAlarms(
      tracker.current,
      { unitId: live.unitId, breached: live.unit.bySla.breached, incidents: live.incidents },
      at,
      opts.threshold,
    );
    tracker.current = next.tracker;
    if (next.raised.length === 0) return;
    const surges = next.raised.filter((a) => a.kind === "surge");
    if (surges.length)
      setMemory((m) => {
        const kept = [...surges, ...m.surges].filter((s) => at - s.at < ALARM_TTL_MS);
        remember(live.unitId, kept, m.dismissed);
        return { ...m, surges: kept };
      });
    if (sound.current)
      playAlarmTone(next.raised.some((a) => a.kind === "incident") ? "incident" : "surge");
  }, [live, opts.threshold]);

  const incidents = live?.incidents;
  const { alarms, total } = useMemo(
    () =>
      memory.unitId === unitId
        ? alarmsFromState(incidents ?? [], memory.surges, memory.dismissed, opts.now)
        : { alarms: [], total: 0 },
    [incidents, memory, unitId, opts.now],
  );

  const dismissIds = useCallback((ids: string[]) => {
    setMemory((m) => {
      const dismissed = new Set(m.dismissed);
      for (const id of ids) dismissed.add(id);
      if (m.unitId) remember(m.unitId, m.surges, dismissed);
      return { ...m, dismissed };
    });
  }, []);
  const dismiss = useCallback((id: string) => dismissIds([id]), [dismissIds]);
  const dismissAll = useCallback(() => dismissIds(alarms.map((a) => a.id)), [dismissIds, alarms]);
  return { alarms, total, dismiss, dismissAll };
}
