import { isLanguage, type Language } from "../i18n/index.js";
import { DEFAULT_SURGE_THRESHOLD, parseSurgeThreshold } from "../panels/alarms/rules.js";
import { isShadingMode, type ShadingMode } from "../panels/map/scales.js";

/**
 * The wall's playlist, read from its address and nothing else, so a kiosk that reloads, loses
 * its connection or restarts shows the same thing again:
 *
 *   /wall?views=state,PuVVNL,worst,charts&every=30&lang=hi&shade=absolute&surge=10&sound=on
 *
 * - `views`: slides in order. `state` (or `network`) = the whole network's map and tiles; a unit
 *   id = that unit's map and tiles; `worst` = the ten worst divisions; `charts` = the charts.
 *   Unknown words that cannot be unit ids are skipped; none left means `state,worst,charts`.
 * - `every`: seconds per slide (default 30; at least 0.1, which only tests use; at most 3600).
 * - `lang`, `shade` (`per10k` | `absolute`), `surge` (breached tickets in 10 minutes that raise
 *   an alarm), `sound=on` (needs a kiosk browser that allows audio without a click).
 *
 * Which slide shows is worked out from the clock (see `slideAt`), not kept in memory: a reloaded
 * wall resumes where it was, and several walls with the same address show the same slide.
 */

export type WallSlide =
  { kind: "state" } | { kind: "unit"; unitId: string } | { kind: "worst" } | { kind: "charts" };

export interface WallPlaylist {
  slides: WallSlide[];
  everyMs: number;
  lang: Language | null;
  shading: ShadingMode;
  surge: number;
  sound: boolean;
}

export const DEFAULT_VIEWS: readonly WallSlide[] = [
  { kind: "state" },
  { kind: "worst" },
  { kind: "charts" },
];
export const DEFAULT_EVERY_S = 30;
export const MIN_EVERY_S = 0.1;
export const MAX_EVERY_S = 3600;
/** A playlist longer than this is cut (a typo'd address must not build thousands of slides). */
export const MAX_SLIDES = 50;

const UNIT_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,119}$/;

function parseSlide(word: string): WallSlide | null {
  const w = word.trim();
  if (!w) return null;
  const lower = w.toLowerCase();
  if (lower === "state" || lower === "network") return { kind: "state" };
  if (lower === "worst") return { kind: "worst" };
  if (lower === "charts") return { kind: "charts" };
  return UNIT_ID.test(w) ? { kind: "unit", unitId: w } : null;
}

export function parsePlaylist(search: string): WallPlaylist {
  const p = new URLSearchParams(search);
  const slides = (p.get("views") ?? "")
    .split(",")
    .map(parseSlide)
    .filter((s): s is WallSlide => s !== null)
    .slice(0, MAX_SLIDES);
  const every = Number(p.get("every"));
  const everyS =
    p.get("every") !== null && Number.isFinite(every) && every > 0
      ? Math.min(MAX_EVERY_S, Math.max(MIN_EVERY_S, every))
      : DEFAULT_EVERY_S;
  const lang = p.get("lang");
  const shade = p.get("shade");
  return {
    slides: slides.length ? slides : [...DEFAULT_VIEWS],
    everyMs: Math.round(everyS * 1000),
    lang: isLanguage(lang) ? lang : null,
    shading: isShadingMode(shade) ? shade : "per10k",
    surge: p.has("surge") ? parseSurgeThreshold(p.get("surge")) : DEFAULT_SURGE_THRESHOLD,
    sound: p.get("sound") === "on",
  };
}

/** The slide showing at `now` and when the next one starts (wall-clock ms). */
export function slideAt(now: number, playlist: Pick<WallPlaylist, "slides" | "everyMs">) {
  const step = Math.floor(now / playlist.everyMs);
  return {
    index: step % playlist.slides.length,
    /** Counts rotations; changes at every slide change, also when the playlist has one slide. */
    step,
    nextAt: (step + 1) * playlist.everyMs,
  };
}

/** The unit a slide subscribes to (undefined: the whole network). */
export function slideUnit(slide: WallSlide): string | undefined {
  return slide.kind === "unit" ? slide.unitId : undefined;
}
