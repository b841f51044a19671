import { useEffect, useState } from "react";

/**
 * Heavy pieces of a screen take turns to mount, one at a time with a frame and an idle moment
 * between turns, so the
 * screen paints its frame and numbers first and no single task blocks input for long.
 *
 * A Recharts chart costs 70-150 ms of main thread to mount (axes, text measuring, its store's
 * passes); the control room mounted four in one task. The map's district shapes (113 Leaflet
 * layers with their tooltips) mount 40 at a time the same way. Each waits
 * for its turn, which comes within a frame or two of the previous one; what has mounted stays.
 */
interface Waiting {
  grant: () => void;
  /** Lower goes first: the map's pieces (0) before the charts (1). */
  priority: number;
}
const waiting: Waiting[] = [];
let running = false;

function nextTurn(): void {
  const next = waiting.shift();
  if (!next) {
    running = false;
    return;
  }
  running = true;
  next.grant();
  // Let React render and the browser paint this piece before the next one starts.
  afterPaint(nextTurn);
}

/**
 * After the next frame, once the main thread is idle: a chart's own follow-up renders (it
 * measures its box, then lays out its axes) run before the next piece starts. A hidden page has
 * no frames and goes straight to the idle wait.
 */
function afterPaint(fn: () => void): void {
  const idle = () => {
    if (typeof requestIdleCallback === "function") requestIdleCallback(fn, { timeout: 100 });
    else setTimeout(fn, 0);
  };
  if (typeof requestAnimationFrame !== "function" || document.visibilityState === "hidden")
    return idle();
  requestAnimationFrame(() => setTimeout(idle, 0));
}

function requestTurn(grant: () => void, priority: number): () => void {
  const entry = { grant, priority };
  const before = waiting.findIndex((w) => w.priority > priority);
  waiting.splice(before < 0 ? waiting.length : before, 0, entry);
  if (!running) {
    running = true;
    afterPaint(nextTurn);
  }
  return () => {
    const at = waiting.indexOf(entry);
    if (at >= 0) waiting.splice(at, 1);
  };
}

/**
 * True once this piece may mount (`wanted`: it has something to show); stays true after that.
 * `priority`: lower goes first (the map's shapes 0, charts 1).
 */
export function useTurn(wanted = true, priority = 0): boolean {
  const [granted, setGranted] = useState(false);
  useEffect(() => {
    if (!wanted || granted) return;
    return requestTurn(() => setGranted(true), priority);
  }, [wanted, granted, priority]);
  return granted;
}

/**
 * How many of `total` items to mount: `size` at once, then `size` more each turn (ahead of the
 * charts), for a long list of heavy pieces (the map's district shapes, each a Leaflet layer with
 * its tooltip).
 */
export function useChunks(total: number, size: number): number {
  const [shown, setShown] = useState(size);
  useEffect(() => {
    if (shown >= total) return;
    return requestTurn(() => setShown((n) => n + size), 0);
  }, [shown, total, size]);
  return Math.min(shown, total);
}
