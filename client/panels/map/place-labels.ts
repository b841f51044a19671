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
  /** The text's top-left corner relative to the anchor, in pixels (where it was room for it). */
  dx: number;
  dy: number;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Room left around a point marker drawn at the anchor (an outage marker is 28 px across). */
const FAR = 12;

/**
 * Where a name may sit around its anchor, in order of preference: above, below, right, left, then
 * the same a little further out (so a feeder's name still shows beside its own outage marker).
 * Returns the text's top-left corner relative to the anchor.
 */
function offsets(w: number, h: number): readonly { dx: number; dy: number }[] {
  const near = [
    { dx: -w / 2, dy: -h },
    { dx: -w / 2, dy: 4 },
    { dx: 6, dy: -h / 2 },
    { dx: -6 - w, dy: -h / 2 },
  ];
  const far = [
    { dx: -w / 2, dy: -h - FAR },
    { dx: -w / 2, dy: 4 + FAR },
    { dx: 6 + FAR, dy: -h / 2 },
    { dx: -6 - FAR - w, dy: -h / 2 },
  ];
  return [...near, ...far];
}

/**
 * Keeps the labels that fit. `project` gives a label's anchor in container pixels, `measure` its
 * text width; each label takes the first place around its anchor (see offsets) where it, with a gap
 * of `pad` pixels, overlaps no kept label and no obstacle (the feeder groups' numbers, outage
 * markers), whose text is inside the view, and where its anchor's dot is not under a kept label.
 */
export function fitLabels(
  labels: readonly PlaceLabel[],
  project: (l: PlaceLabel) => { x: number; y: number },
  measure: (text: string) => number,
  view: { width: number; height: number },
  opts: { height?: number; pad?: number; max?: number; obstacles?: readonly Rect[] } = {},
): PlacedLabel[] {
  const height = opts.height ?? 16;
  const pad = opts.pad ?? 4;
  const max = opts.max ?? 400;
  const sorted = [...labels].sort((a, b) => a.rank - b.rank || a.text.localeCompare(b.text));
  const obstacles = opts.obstacles ?? [];
  const texts: Rect[] = [];
  const out: PlacedLabel[] = [];
  // The text itself (without its gap) must be inside the view: a name cut by the frame is no use.
  const inside = (r: Rect) =>
    r.x + pad >= 0 &&
    r.y + pad >= 0 &&
    r.x + r.w - pad <= view.width &&
    r.y + r.h - pad <= view.height;
  const free = (r: Rect) =>
    inside(r) && !texts.some((k) => overlaps(k, r)) && !obstacles.some((k) => overlaps(k, r));
  for (const l of sorted) {
    const p = project(l);
    if (p.x < 0 || p.y < 0 || p.x > view.width || p.y > view.height) continue;
    const dot = { x: p.x - 3, y: p.y - 3, w: 6, h: 6 };
    if (texts.some((k) => overlaps(k, dot))) continue;
    const w = measure(l.text);
    for (const o of offsets(w, height)) {
      const rect = {
        x: p.x + o.dx - pad,
        y: p.y + o.dy - pad,
        w: w + 2 * pad,
        h: height + 2 * pad,
      };
      if (!free(rect)) continue;
      texts.push(rect, dot);
      out.push({ ...l, x: p.x, y: p.y, dx: o.dx, dy: o.dy });
      break;
    }
    if (out.length >= max) break;
  }
  return out;
}
