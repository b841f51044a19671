import { useCallback, useEffect, useRef, useState } from "react";
import type { LiveUnitState } from "../../live/state.js";
import { addAlarms, EMPTY_TRACKER, trackAlarms, type Alarm, type AlarmTracker } from "./rules.js";
import { playAlarmTone } from "./tone.js";

export interface AlarmsState {
  alarms: Alarm[];
  dismiss(id: string): void;
  dismissAll(): void;
}

/**
 * Raises alarms from the live store's updates (see rules.ts) and plays the tone when `sound` is on.
 * `now` (a ticking clock) also lets old alarms expire on a quiet wall.
 */
export function useAlarms(
  live: LiveUnitState | null,
  opts: { threshold: number; sound: boolean; now: number },
): AlarmsState {
  const tracker = useRef<AlarmTracker>(EMPTY_TRACKER);
  const [alarms, setAlarms] = useState<Alarm[]>([]);
  const sound = useRef(opts.sound);
  useEffect(() => {
    sound.current = opts.sound;
  }, [opts.sound]);

  useEffect(() => {
    if (!live) return;
    const at = live.updatedAt;
    const next = trackAlarms(
      tracker.current,
      { unitId: live.unitId, breached: live.unit.bySla.breached, incidents: live.incidents },
      at,
      opts.threshold,
    );
    const unitChanged = tracker.current.unitId !== live.unitId;
    tracker.current = next.tracker;
    if (unitChanged) setAlarms([]);
    if (next.raised.length === 0) return;
    setAlarms((list) => addAlarms(list, next.raised, at));
    if (sound.current)
      playAlarmTone(next.raised.some((a) => a.kind === "incident") ? "incident" : "surge");
  }, [live, opts.threshold]);

  // Expire old alarms as time passes, even when no update arrives.
  useEffect(() => {
    setAlarms((list) => {
      const kept = addAlarms(list, [], opts.now);
      return kept.length === list.length ? list : kept;
    });
  }, [opts.now]);

  const dismiss = useCallback((id: string) => setAlarms((l) => l.filter((a) => a.id !== id)), []);
  const dismissAll = useCallback(() => setAlarms([]), []);
  return { alarms, dismiss, dismissAll };
}
