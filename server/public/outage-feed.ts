import type { PublicOutages } from "../../shared/public.js";
import type { Clock } from "../clock/clock.js";
import type { Network } from "../network/loaded-network.js";
import { nextShutdownBoundary } from "../notices/shutdowns.js";
import type { Store } from "../store/store.js";
import { outagesAsGeoJson } from "./geojson.js";
import { currentOutages } from "./outages.js";

/** How long a built feed is served at most, whatever else: a writer nobody told us of. */
export const FEED_MAX_AGE_MS = 30_000;

/** One built version of the feed, encoded once however many phones poll it. */
export class FeedVersion {
  /** The document, as `GET /api/v1/public/outages` sends it. */
  readonly json: string;
  /** What the ETag stands for: the outages, not the moment they were read. */
  readonly outagesJson: string;
  private geo: string | null = null;

  constructor(readonly doc: PublicOutages) {
    this.json = JSON.stringify(doc);
    this.outagesJson = JSON.stringify(doc.outages);
  }

  /** The outages as GeoJSON, made on the first ask for it. */
  get geoJson(): string {
    return (this.geo ??= JSON.stringify(outagesAsGeoJson(this.doc)));
  }
}

interface Built {
  version: FeedVersion;
  /** App-clock times (ms): built at, and served until (a shutdown's start or end, or the bound). */
  builtAt: number;
  expiresAt: number;
}

/**
 * The public outage feed, built once and kept until something it shows changes: an incident
 * raised, grown or resolved (the event bus, on every node), a shutdown scheduled or cancelled or a
 * restoration time set (`changed()`, which a cluster passes to the other nodes), or the clock
 * reaching the next start or end of a planned shutdown. Polls in between cost a lookup. Polls that
 * arrive while it is being built share that build; a build that fails is not kept.
 */
export class PublicOutageFeed {
  private built: Built | null = null;
  private building: { generation: number; version: Promise<FeedVersion> } | null = null;
  /** Bumped by every invalidation: a build begun before one is served but not kept. */
  private generation = 0;
  /** Builds begun (for tests: polls served from the kept version do not count). */
  builds = 0;
  /** Told after this node changed what the feed shows (a cluster tells the other nodes). */
  onChanged?: () => void;

  constructor(
    private readonly deps: { store: Store; network: Network; clock: Clock },
    private readonly maxAgeMs = FEED_MAX_AGE_MS,
  ) {}

  /** The feed as it is now: the kept version while it holds, else the one being built, else a new build. */
  current(): Promise<FeedVersion> {
    const now = this.deps.clock.now();
    const kept = this.built;
    // A clock set back (tests, the demo) also ends a version: it was built in another time.
    const t = now.getTime();
    if (kept && t >= kept.builtAt && t < kept.expiresAt) return Promise.resolve(kept.version);
    if (this.building?.generation === this.generation) return this.building.version;
    return this.build(now);
  }

  /** Forget the kept version (this node heard of a change, from its bus or another node). */
  invalidate(): void {
    this.generation++;
    this.built = null;
  }

  /** This node changed what the feed shows: forget the kept version here and on other nodes. */
  changed(): void {
    this.invalidate();
    this.onChanged?.();
  }

  private build(now: Date): Promise<FeedVersion> {
    const generation = this.generation;
    this.builds++;
    const { store, network } = this.deps;
    const at = now.toISOString();
    const made = Promise.all([
      currentOutages(store, network, now),
      nextShutdownBoundary(store.kysely, at),
    ]).then(([doc, boundary]): Built => {
      const builtAt = now.getTime();
      const bound = builtAt + this.maxAgeMs;
      const expiresAt = boundary ? Math.min(bound, Date.parse(boundary)) : bound;
      return { version: new FeedVersion(doc), builtAt, expiresAt };
    });
    const version = made.then((b) => b.version);
    this.building = { generation, version };
    void made
      .then(
        (b) => {
          if (this.generation === generation) this.built = b;
        },
        // The caller hears of the failure; nothing is kept, so the next poll tries again.
        () => undefined,
      )
      .finally(() => {
        if (this.building?.version === version) this.building = null;
      });
    return version;
  }
}
