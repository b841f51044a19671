import { useCallback, useState } from "react";
import { unlockAlarmSound } from "../panels/alarms/tone.js";

const KEY = "nigrani.alarmSound";

function read(): boolean {
  try {
    return globalThis.localStorage?.getItem(KEY) === "on";
  } catch {
    return false;
  }
}

/** The control room's alarm sound: off by default, remembered per browser once switched. */
export function useSoundPreference(): [boolean, () => void] {
  const [on, setOn] = useState(read);
  const toggle = useCallback(() => {
    const next = !on;
    // The click is the user gesture browsers need before they play audio.
    if (next) unlockAlarmSound();
    try {
      globalThis.localStorage?.setItem(KEY, next ? "on" : "off");
    } catch {
      // Not remembering is fine; the switch still works for this visit.
    }
    setOn(next);
  }, [on]);
  return [on, toggle];
}
