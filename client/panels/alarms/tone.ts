/**
 * The alarm sound, generated with the Web Audio API (no audio file). Browsers start audio only
 * after a user gesture, so the sound toggle calls `unlockAlarmSound` from its click; a kiosk can
 * instead be started with Chromium's `--autoplay-policy=no-user-gesture-required`.
 */
let context: AudioContext | null = null;
let lastPlayed = 0;
/** At most one tone in this interval, however many alarms arrive together. */
const MIN_GAP_MS = 4000;

function audio(): AudioContext | null {
  if (context) return context;
  const Ctor = globalThis.AudioContext;
  if (!Ctor) return null;
  context = new Ctor();
  return context;
}

export function unlockAlarmSound(): void {
  const ctx = audio();
  if (ctx && ctx.state === "suspended") void ctx.resume();
}

/** Two falling notes for an incident, three short high ones for a breach surge. */
export function playAlarmTone(kind: "incident" | "surge"): void {
  const now = Date.now();
  if (now - lastPlayed < MIN_GAP_MS) return;
  const ctx = audio();
  if (!ctx) return;
  if (ctx.state === "suspended") void ctx.resume();
  lastPlayed = now;
  const notes = kind === "incident" ? [880, 660] : [990, 990, 990];
  const length = kind === "incident" ? 0.22 : 0.12;
  let t = ctx.currentTime + 0.02;
  for (const freq of notes) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = "sine";
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0, t);
    gain.gain.linearRampToValueAtTime(0.25, t + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.001, t + length);
    osc.connect(gain).connect(ctx.destination);
    osc.onended = () => {
      osc.disconnect();
      gain.disconnect();
    };
    osc.start(t);
    osc.stop(t + length + 0.02);
    t += length + 0.06;
  }
}
