import type { FeatureCollection, Geometry } from "geojson";
import type { District, NetworkPayload, Unit } from "../../shared/network.js";
import type { CompactNetwork } from "../../shared/network-compact.js";
import { apiFetch } from "../api/http.js";
import { createStore, type Store } from "./store.js";

/** A fetched-once resource as panels see it: loading, ready with data, or failed with a message. */
export type Resource<T> =
  { status: "loading" } | { status: "ready"; data: T } | { status: "error"; error: string };

export interface DistrictProperties {
  id: string;
  name: string;
  name_hi: string;
  state: string;
  discom: string;
}
export type DistrictShapes = FeatureCollection<Geometry, DistrictProperties>;

/** The network, indexed for the map and the feed. */
export interface NetworkIndex {
  units: ReadonlyMap<string, Unit>;
  feeders: readonly Unit[];
  districts: ReadonlyMap<string, District>;
  districtList: readonly District[];
  generated: NetworkPayload["generated"];
  /** Consumers per district, for shading by open tickets per 10,000 consumers. */
  consumersByDistrict: Readonly<Record<string, number>>;
  /** Tiles to draw under the district base (MAP_TILE_URL), or null: the labelled base alone. */
  tiles: { url: string; attribution: string } | null;
}

export function indexNetwork(payload: NetworkPayload): NetworkIndex {
  return {
    units: new Map(payload.units.map((u) => [u.id, u])),
    feeders: payload.units.filter((u) => u.kind === "feeder"),
    districts: new Map(payload.districts.map((d) => [d.id, d])),
    districtList: payload.districts,
    generated: payload.generated,
    consumersByDistrict: payload.consumersByDistrict ?? {},
    tiles: payload.tiles ?? null,
  };
}

function fetchJson<T>(url: string): Promise<T> {
  return apiFetch<T>(url);
}

const RETRY_MS = 5000;

/** A resource that loads on first use and, on failure, retries while anyone is looking. */
export interface LazyResource<T> {
  store: Store<Resource<T>>;
  subscribe(listener: () => void): () => void;
}

function lazyResource<T>(load: () => Promise<T>): LazyResource<T> {
  const store = createStore<Resource<T>>({ status: "loading" });
  let started = false;
  let listeners = 0;
  const run = () => {
    load().then(
      (data) => store.set({ status: "ready", data }),
      (err: unknown) => {
        store.set({ status: "error", error: err instanceof Error ? err.message : String(err) });
        setTimeout(() => (listeners > 0 ? run() : (started = false)), RETRY_MS);
      },
    );
  };
  return {
    store,
    subscribe(listener) {
      listeners++;
      if (!started) {
        started = true;
        run();
      }
      const off = store.subscribe(listener);
      return () => {
        listeners--;
        off();
      };
    },
  };
}

/** Gives the browser a turn (paint, input, socket) between chunks of decoding. */
const yieldToBrowser = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The compact network, under the version the page names (`<meta name="nigrani-network">`, set by
 * the server) so the browser may keep it for good; revalidated by ETag when the page names none.
 */
function compactNetworkUrl(): string {
  const version =
    typeof document === "undefined"
      ? null
      : document.querySelector<HTMLMetaElement>('meta[name="nigrani-network"]')?.content;
  return version
    ? `/api/v1/network/compact?v=${encodeURIComponent(version)}`
    : "/api/v1/network/compact";
}

export async function loadNetwork(): Promise<NetworkIndex> {
  // The decoder's module also holds the document's zod schema (for the server and the tests):
  // imported with the network, alongside its download, so screens without a map never load zod.
  const decoder = import("../../shared/network-compact.js");
  const compact = await fetchJson<CompactNetwork>(compactNetworkUrl());
  const { decodeNetwork } = await decoder;
  // Decoded in chunks of a few thousand units: no single long task holds the screen.
  const payload = await decodeNetwork(compact, { chunk: 1500, yieldNow: yieldToBrowser });
  await yieldToBrowser();
  return indexNetwork(payload);
}

export const networkResource = lazyResource(loadNetwork);
export const districtShapesResource = lazyResource(() =>
  fetchJson<DistrictShapes>("/api/v1/geo/districts.geojson"),
);
