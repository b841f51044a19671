import L from "leaflet";
import type { MapCounts } from "../../../shared/counts.js";
import {
  buildFrame,
  estimateText,
  hitTest,
  projectFeeders,
  type ActiveItem,
  type Frame,
  type MeasureText,
  type ProjectedFeeders,
} from "./aggregate.js";
import { buildClusterIndex, type ClusterIndex } from "./clusters.js";
import type { Rect } from "./place-labels.js";
import { IDLE_FEEDER_COLOUR, SLA_COLOURS } from "./scales.js";

/** Extra canvas around the view, so a short pan shows drawn feeders before the redraw. */
const PADDING = 0.3;
const PANE = "feeders";

/** Fired on the map after each redraw of the groups' numbers. */
export const FEEDER_LABELS_EVENT = "feederlabels";
const LABEL_BOXES = new WeakMap<L.Map, Rect[]>();

/** The boxes of the numbers last drawn on this map, in container pixels. */
export function feederLabelBoxes(map: L.Map): readonly Rect[] {
  return LABEL_BOXES.get(map) ?? [];
}
const LABEL_PANE = "feeder-labels";

export interface FeederCanvasData {
  feeders: readonly { id: string; lat: number; lon: number }[];
  counts: Record<string, MapCounts>;
}

/** What the tooltip says about a circle, as HTML (the React side builds it with translations). */
export type DescribeItem = (item: ActiveItem) => string;

/**
 * Every feeder on one canvas: 20,000 feeders as one layer instead of 20,000 Leaflet paths (and
 * 20,000 React components). Idle feeders are grey pixels; feeders with open tickets are circles,
 * binned into cells when zoomed out. Redraws are coalesced into one animation frame, and the last
 * draw's duration is written to the map container's `data-feeder-draw-ms` for the browser tests.
 */
export class FeederCanvas extends L.Layer {
  private canvas: HTMLCanvasElement | null = null;
  /** The groups' numbers, as text over the canvas (one box each, never overlapping). */
  private labels: HTMLDivElement | null = null;
  /** Groups of the current counts; rebuilt when counts change, reused while panning. */
  private index: ClusterIndex | null = null;
  private measureCtx: CanvasRenderingContext2D | null = null;
  private points: ProjectedFeeders = new Float64Array(0);
  private data: FeederCanvasData = { feeders: [], counts: {} };
  private frame: Frame | null = null;
  private frameRequest = 0;
  private indexRequest: ReturnType<typeof setTimeout> | undefined;
  private radiusScale = 1;
  private tooltip: L.Tooltip | null = null;
  private hovered: ActiveItem | null = null;
  private describe: DescribeItem = () => "";
  /** Larger circles and labels for wall screens read from across the room. */
  private markerScale = 1;

  setMarkerScale(scale: number): void {
    if (scale === this.markerScale) return;
    this.markerScale = scale;
    this.reset();
  }

  setData(data: FeederCanvasData): void {
    if (data.feeders !== this.data.feeders) this.points = projectFeeders(data.feeders);
    this.data = data;
    this.index = null;
    this.schedule();
  }

  setDescribe(describe: DescribeItem): void {
    this.describe = describe;
    if (this.hovered && this.tooltip) this.tooltip.setContent(describe(this.hovered));
  }

  override onAdd(map: L.Map): this {
    const pane = map.getPane(PANE) ?? map.createPane(PANE);
    pane.style.zIndex = "450";
    pane.style.pointerEvents = "none";
    const canvas = L.DomUtil.create("canvas", "feeder-canvas leaflet-zoom-animated", pane);
    this.canvas = canvas;
    // A pane of their own above the canvas's: Chromium composites a large canvas over its siblings.
    const labelPane = map.getPane(LABEL_PANE) ?? map.createPane(LABEL_PANE);
    labelPane.style.zIndex = "451";
    labelPane.style.pointerEvents = "none";
    this.labels = L.DomUtil.create("div", "feeder-labels leaflet-zoom-animated", labelPane);
    // The numbers repeat what the tooltips and the tables say: decoration for screen readers.
    this.labels.setAttribute("aria-hidden", "true");
    this.measureCtx = document.createElement("canvas").getContext("2d");
    map.on("moveend zoomend resize viewreset", this.reset, this);
    map.on("zoomanim", this.animateZoom, this);
    map.on("mousemove", this.onMouseMove, this);
    map.on("mouseout zoomstart movestart", this.clearHover, this);
    this.reset();
    return this;
  }

  override onRemove(map: L.Map): this {
    cancelAnimationFrame(this.frameRequest);
    clearTimeout(this.indexRequest);
    this.indexRequest = undefined;
    map.off("moveend zoomend resize viewreset", this.reset, this);
    map.off("zoomanim", this.animateZoom, this);
    map.off("mousemove", this.onMouseMove, this);
    map.off("mouseout zoomstart movestart", this.clearHover, this);
    this.clearHover();
    this.canvas?.remove();
    this.canvas = null;
    this.labels?.remove();
    this.labels = null;
    this.frame = null;
    return this;
  }

  private origin = L.point(0, 0);
  private zoom = 0;

  /** Positions the canvas over the view (plus padding) and redraws. */
  private reset(): void {
    const map = this._map;
    const canvas = this.canvas;
    if (!map || !canvas) return;
    const size = map.getSize();
    const pad = size.multiplyBy(PADDING).round();
    this.origin = map.containerPointToLayerPoint(pad.multiplyBy(-1)).round();
    this.zoom = map.getZoom();
    L.DomUtil.setPosition(canvas, this.origin);
    if (this.labels) L.DomUtil.setPosition(this.labels, this.origin);
    const w = size.x + 2 * pad.x;
    const h = size.y + 2 * pad.y;
    const ratio = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(w * ratio) || canvas.height !== Math.round(h * ratio)) {
      canvas.width = Math.round(w * ratio);
      canvas.height = Math.round(h * ratio);
      canvas.style.width = `${w}px`;
      canvas.style.height = `${h}px`;
    }
    // Circles shrink on small, zoomed-out maps (phones) and grow a little when zoomed in.
    this.radiusScale = Math.min(1.4, Math.max(0.5, 2 ** ((this.zoom - 7) / 2))) * this.markerScale;
    this.draw();
  }

  /** During a zoom animation the drawn canvas is scaled like the map; it is redrawn at the end. */
  private animateZoom(e: L.ZoomAnimEvent): void {
    const map = this._map;
    if (!map || !this.canvas) return;
    const scale = map.getZoomScale(e.zoom, this.zoom);
    const newPixelOrigin = (
      map as unknown as { _getNewPixelOrigin(c: L.LatLng, z: number): L.Point }
    )._getNewPixelOrigin(e.center, e.zoom);
    const topLeft = map.unproject(this.origin.add(map.getPixelOrigin()), this.zoom);
    const offset = map.project(topLeft, e.zoom).subtract(newPixelOrigin);
    L.DomUtil.setTransform(this.canvas, offset, scale);
    if (this.labels) L.DomUtil.setTransform(this.labels, offset, scale);
  }

  private schedule(): void {
    if (this.frameRequest || this.indexRequest || !this._map) return;
    if (!this.index) {
      // New counts: the cluster index (tens of milliseconds for thousands of feeders) is built in a
      // task of its own and the circles drawn in the next frame, not both in one long task.
      this.indexRequest = setTimeout(() => {
        this.indexRequest = undefined;
        this.index ??= buildClusterIndex(this.points, this.countsOf);
        this.schedule();
      }, 0);
      return;
    }
    this.frameRequest = requestAnimationFrame(() => {
      this.frameRequest = 0;
      this.draw();
    });
  }

  /** The open-ticket counts of the feeder at index i (undefined: none open). */
  private readonly countsOf = (i: number) => this.data.counts[this.data.feeders[i].id];

  private draw(): void {
    const map = this._map;
    const canvas = this.canvas;
    if (!map || !canvas) return;
    const started = performance.now();
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.width / ratio;
    const height = canvas.height / ratio;
    const pixelOrigin = map.getPixelOrigin();
    const countsOf = this.countsOf;
    this.index ??= buildClusterIndex(this.points, countsOf);
    const frame = buildFrame(
      this.points,
      countsOf,
      {
        scale: 2 ** this.zoom,
        originX: this.origin.x + pixelOrigin.x,
        originY: this.origin.y + pixelOrigin.y,
        width,
        height,
        radiusScale: this.radiusScale,
        textScale: this.markerScale,
      },
      { index: this.index, measure: this.measure },
    );
    this.frame = frame;
    const ctx = canvas.getContext("2d");
    if (!ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    drawIdle(ctx, frame, this.zoom);
    drawActive(ctx, frame.active);
    if (this.labels) this.labels.innerHTML = labelsHtml(frame.active);
    this.publishLabelBoxes(map, frame.active);
    const container = map.getContainer();
    container.dataset.feederDrawMs = (performance.now() - started).toFixed(1);
    container.dataset.feederCircles = String(frame.active.length);
    container.dataset.feederIdle = String(frame.idleCount);
    container.dataset.zoom = this.zoom.toFixed(1);
  }

  /** Tells the place names where the numbers are, in container pixels, so they keep clear. */
  private publishLabelBoxes(map: L.Map, active: readonly ActiveItem[]): void {
    const o = map.layerPointToContainerPoint(this.origin);
    const boxes: Rect[] = [];
    for (const a of active) {
      const l = a.label;
      if (l)
        boxes.push({
          x: o.x + a.x - l.width / 2,
          y: o.y + a.y - l.height / 2,
          w: l.width,
          h: l.height,
        });
    }
    LABEL_BOXES.set(map, boxes);
    map.fire(FEEDER_LABELS_EVENT);
  }

  /** Text widths in the labels' own font, so each number's box is the one kept free for it. */
  private measure: MeasureText = (text, fontPx) => {
    const ctx = this.measureCtx;
    if (!ctx) return estimateText(text, fontPx);
    ctx.font = `700 ${fontPx}px ${LABEL_FONT_FAMILY}`;
    return ctx.measureText(text).width;
  };

  private onMouseMove(e: L.LeafletMouseEvent): void {
    if (!this.frame || !this._map) return;
    const p = this._map.latLngToLayerPoint(e.latlng).subtract(this.origin);
    const hit = hitTest(this.frame.active, p.x, p.y);
    if (hit === this.hovered) return;
    this.hovered = hit;
    const container = this._map.getContainer();
    if (!hit) {
      this.clearHover();
      return;
    }
    container.classList.add("map--feeder-hover");
    const at = this._map.layerPointToLatLng(this.origin.add([hit.x, hit.y]));
    if (!this.tooltip) {
      this.tooltip = L.tooltip({ className: "map-tooltip", direction: "top", opacity: 1 });
    }
    this.tooltip.options.offset = L.point(0, -hit.r);
    this.tooltip.setLatLng(at).setContent(this.describe(hit));
    this._map.openTooltip(this.tooltip);
  }

  private clearHover(): void {
    this.hovered = null;
    if (!this._map) return;
    this._map.getContainer().classList.remove("map--feeder-hover");
    if (this.tooltip) this._map.closeTooltip(this.tooltip);
  }
}

function drawIdle(ctx: CanvasRenderingContext2D, frame: Frame, zoom: number): void {
  const size = zoom < 7 ? 1.6 : zoom < 9 ? 2.2 : 3;
  const half = size / 2;
  ctx.fillStyle = IDLE_FEEDER_COLOUR;
  ctx.globalAlpha = 0.6;
  const { idle, idleCount } = frame;
  for (let i = 0; i < idleCount; i++) {
    ctx.fillRect(idle[2 * i] - half, idle[2 * i + 1] - half, size, size);
  }
  ctx.globalAlpha = 1;
}

function drawActive(ctx: CanvasRenderingContext2D, active: readonly ActiveItem[]): void {
  for (const a of active) {
    ctx.beginPath();
    ctx.arc(a.x, a.y, a.r, 0, Math.PI * 2);
    ctx.fillStyle = SLA_COLOURS[a.sla];
    ctx.globalAlpha = 0.9;
    ctx.fill();
    ctx.globalAlpha = 1;
    // Breached circles get a white ring: shape, not only colour, tells them apart.
    ctx.lineWidth = a.sla === "breached" ? 1.5 : 1;
    ctx.strokeStyle = a.sla === "breached" ? "#ffffff" : "#0b0f16";
    ctx.stroke();
  }
}

const LABEL_FONT_FAMILY = "system-ui, sans-serif";

/**
 * The groups' numbers as positioned boxes of the measured width, centred on their circles: text
 * in the page (crisp at any pixel ratio, and checkable by the browser tests), not on the canvas.
 */
function labelsHtml(active: readonly ActiveItem[]): string {
  let html = "";
  for (const a of active) {
    const l = a.label;
    if (!l) continue;
    const left = (a.x - l.width / 2).toFixed(1);
    const top = (a.y - l.height / 2).toFixed(1);
    html += `<span class="feeder-label feeder-label--${a.sla}" style="left:${left}px;top:${top}px;width:${l.width}px;height:${l.height}px;font-size:${l.fontPx}px;line-height:${l.height}px">${l.text}</span>`;
  }
  return html;
}
