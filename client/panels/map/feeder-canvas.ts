import L from "leaflet";
import type { MapCounts } from "../../../shared/counts.js";
import {
  AGGREGATE_BELOW_ZOOM,
  buildFrame,
  CELL_PX,
  hitTest,
  projectFeeders,
  type ActiveItem,
  type Frame,
  type ProjectedFeeders,
} from "./aggregate.js";
import { IDLE_FEEDER_COLOUR, SLA_COLOURS } from "./scales.js";

/** Extra canvas around the view, so a short pan shows drawn feeders before the redraw. */
const PADDING = 0.3;
const PANE = "feeders";

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
  private points: ProjectedFeeders = new Float64Array(0);
  private data: FeederCanvasData = { feeders: [], counts: {} };
  private frame: Frame | null = null;
  private frameRequest = 0;
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
    map.on("moveend zoomend resize viewreset", this.reset, this);
    map.on("zoomanim", this.animateZoom, this);
    map.on("mousemove", this.onMouseMove, this);
    map.on("mouseout zoomstart movestart", this.clearHover, this);
    this.reset();
    return this;
  }

  override onRemove(map: L.Map): this {
    cancelAnimationFrame(this.frameRequest);
    map.off("moveend zoomend resize viewreset", this.reset, this);
    map.off("zoomanim", this.animateZoom, this);
    map.off("mousemove", this.onMouseMove, this);
    map.off("mouseout zoomstart movestart", this.clearHover, this);
    this.clearHover();
    this.canvas?.remove();
    this.canvas = null;
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
  }

  private schedule(): void {
    if (this.frameRequest || !this._map) return;
    this.frameRequest = requestAnimationFrame(() => {
      this.frameRequest = 0;
      this.draw();
    });
  }

  private draw(): void {
    const map = this._map;
    const canvas = this.canvas;
    if (!map || !canvas) return;
    const started = performance.now();
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.width / ratio;
    const height = canvas.height / ratio;
    const pixelOrigin = map.getPixelOrigin();
    const { feeders, counts } = this.data;
    const frame = buildFrame(this.points, (i) => counts[feeders[i].id], {
      scale: 2 ** this.zoom,
      originX: this.origin.x + pixelOrigin.x,
      originY: this.origin.y + pixelOrigin.y,
      width,
      height,
      aggregate: this.zoom < AGGREGATE_BELOW_ZOOM,
      radiusScale: this.radiusScale,
      cell: Math.round(CELL_PX * this.markerScale),
    });
    this.frame = frame;
    const ctx = canvas.getContext("2d");
    if (!ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    drawIdle(ctx, frame, this.zoom);
    drawActive(ctx, frame.active, this.markerScale);
    const container = map.getContainer();
    container.dataset.feederDrawMs = (performance.now() - started).toFixed(1);
    container.dataset.feederCircles = String(frame.active.length);
    container.dataset.feederIdle = String(frame.idleCount);
    container.dataset.zoom = this.zoom.toFixed(1);
  }

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

function drawActive(
  ctx: CanvasRenderingContext2D,
  active: readonly ActiveItem[],
  textScale: number,
): void {
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
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
    if (a.feeders > 1 && a.r >= 10 * textScale) {
      ctx.font = `700 ${Math.round((a.r >= 16 * textScale ? 12 : 10) * textScale)}px system-ui, sans-serif`;
      ctx.fillStyle = a.sla === "on_track" || a.sla === "at_risk" ? "#0b0f16" : "#ffffff";
      ctx.fillText(compact(a.open), a.x, a.y + 0.5);
    }
  }
}

/** Short numbers for inside a circle: 999, 1.2k, 12k (digits only, same in both languages). */
function compact(n: number): string {
  if (n < 1000) return String(n);
  if (n < 10_000) return `${(n / 1000).toFixed(1)}k`;
  return `${Math.round(n / 1000)}k`;
}
