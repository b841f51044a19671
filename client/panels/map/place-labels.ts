/**
 * Which place names fit on the map at the current zoom: a greedy pass in order of importance that
 * keeps a label only where it overlaps no label already kept. Zooming in frees room, so more names
 * appear; zooming out thins them. Pure, so it is tested without a browser.
 */

export interface PlaceLabel {
  id: string;
  text: string;
  lat: number;
  lon: number;
  /** Lower is more important (drawn first, kept when labels collide). */
  rank: number;
}

export interface PlacedLabel extends PlaceLabel {
  x: number;
  y: number;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * Keeps the labels that fit. `project` gives a label's anchor in container pixels, `measure` its
 * text width; each label sits centred above its anchor with a gap of `pad` pixels around it.
 * Labels outside the view (plus a margin) are skipped.
 */
export function fitLabels(
  labels: readonly PlaceLabel[],
  project: (l: PlaceLabel) => { x: number; y: number },
  measure: (text: string) => number,
  view: { width: number; height: number },
  opts: { height?: number; pad?: number; max?: number } = {},
): PlacedLabel[] {
  const height = opts.height ?? 16;
  const pad = opts.pad ?? 4;
  const max = opts.max ?? 400;
  const sorted = [...labels].sort((a, b) => a.rank - b.rank || a.text.localeCompare(b.text));
  const kept: Rect[] = [];
  const out: PlacedLabel[] = [];
  for (const l of sorted) {
    const p = project(l);
    if (p.x < -50 || p.y < -50 || p.x > view.width + 50 || p.y > view.height + 50) continue;
    const w = measure(l.text);
    const rect = {
      x: p.x - w / 2 - pad,
      y: p.y - height - pad,
      w: w + 2 * pad,
      h: height + 2 * pad,
    };
    if (kept.some((k) => overlaps(k, rect))) continue;
    kept.push(rect);
    out.push({ ...l, x: p.x, y: p.y });
    if (out.length >= max) break;
  }
  return out;
}
