import { maskPersonalText } from "../tickets/present.js";
import type { Unit } from "../../shared/network.js";
import type { PublicOutage, PublicOutages } from "../../shared/public.js";
import { openIncidents } from "../incidents/incidents.js";
import { listShutdowns, type PlannedShutdown } from "../notices/shutdowns.js";
import type { Network } from "../network/loaded-network.js";
import type { IncidentRow } from "../store/schema.js";
import { chunks, type Store } from "../store/store.js";

/**
 * The current outages as the public sees them: places, counts and times only. Built from the
 * open incidents (inferred or confirmed feeder outages, with the restoration time an officer set)
 * and the planned shutdowns under way (`kind: "planned"`, with their published reason and end).
 */

const ref = (u: Unit | undefined) => (u ? { id: u.id, name: { en: u.name, hi: u.nameHi } } : null);

/** The unit of `kind` on a path (the path runs root first). */
function onPath(network: Network, path: readonly string[], kind: Unit["kind"]): Unit | undefined {
  for (const id of path) {
    const u = network.unit(id);
    if (u?.kind === kind) return u;
  }
  return undefined;
}

/**
 * When officers expect supply back on these incidents: the time set on each outage's announcement
 * (`server/notices/`), absent until an officer sets one. The one place the public side reads it.
 */
export async function expectedRestorations(
  store: Store,
  incidentIds: string[],
): Promise<Map<string, string>> {
  const times = new Map<string, string>();
  for (const ids of chunks(incidentIds, 500)) {
    const rows = await store.kysely
      .selectFrom("outage_announcements")
      .select(["incident_id", "restore_by"])
      .where("incident_id", "in", ids)
      .where("restore_by", "is not", null)
      .execute();
    for (const r of rows) if (r.restore_by) times.set(r.incident_id, r.restore_by);
  }
  return times;
}

/** One open incident as a public outage; null if none of its feeders is on the loaded network. */
export function presentPublicOutage(
  row: IncidentRow,
  network: Network,
  expectedRestorationAt: string | null = null,
): PublicOutage | null {
  const feeders = (JSON.parse(row.feeders) as string[])
    .map((id) => network.unit(id))
    .filter((u): u is Unit => u !== undefined)
    .map((u) => ({ id: u.id, name: { en: u.name, hi: u.nameHi }, lat: u.lat, lon: u.lon }));
  if (feeders.length === 0) return null;
  const path = JSON.parse(row.path) as string[];
  const substation = network.unit(row.substation_id);
  const first = network.unit(feeders[0].id);
  const districtId = first?.districtId ?? substation?.districtId ?? null;
  const district = districtId ? network.districts.get(districtId) : undefined;
  return {
    id: row.id,
    kind: "unplanned",
    since: row.started_at,
    expectedRestorationAt,
    consumersAffected: row.consumers_affected,
    reason: null,
    district: district
      ? { id: district.id, name: { en: district.name, hi: district.nameHi } }
      : null,
    division: ref(onPath(network, path, "division")),
    subdivision: ref(onPath(network, path, "subdivision")),
    substation: ref(substation),
    feeders,
  };
}

/** A planned shutdown under way, as a public outage; null if none of its feeders is loaded. */
export async function presentPlannedOutage(
  store: Store,
  s: PlannedShutdown,
  network: Network,
): Promise<PublicOutage | null> {
  const units = s.feederIds.map((id) => network.unit(id)).filter((u): u is Unit => !!u);
  if (units.length === 0) return null;
  const feeders = units.map((u) => ({
    id: u.id,
    name: { en: u.name, hi: u.nameHi },
    lat: u.lat,
    lon: u.lon,
  }));
  const districtId = units[0].districtId;
  const district = districtId ? network.districts.get(districtId) : undefined;
  const substations = new Set(units.map((u) => onPath(network, u.path, "substation")?.id));
  const path = units[0].path;
  return {
    id: s.id,
    kind: "planned",
    since: s.startsAt,
    expectedRestorationAt: s.endsAt,
    consumersAffected: await store.consumersOn(s.feederIds),
    // Free text an officer typed: a number in it is masked as on every public page.
    reason: maskPersonalText(s.reason),
    district: district
      ? { id: district.id, name: { en: district.name, hi: district.nameHi } }
      : null,
    division: ref(onPath(network, path, "division")),
    subdivision: ref(onPath(network, path, "subdivision")),
    // A shutdown may span substations; name one only when there is one.
    substation: substations.size === 1 ? ref(onPath(network, path, "substation")) : null,
    feeders,
  };
}

/** Every current outage, newest first, with the totals the page's headline shows. */
export async function currentOutages(
  store: Store,
  network: Network,
  now: Date,
): Promise<PublicOutages> {
  const [incidents, shutdowns] = await Promise.all([
    openIncidents(store.kysely),
    listShutdowns(store, { activeAt: now.toISOString() }),
  ]);
  const restoreBy = await expectedRestorations(
    store,
    incidents.map((r) => r.id),
  );
  const planned = await Promise.all(shutdowns.map((s) => presentPlannedOutage(store, s, network)));
  const outages = [
    ...incidents.map((r) => presentPublicOutage(r, network, restoreBy.get(r.id) ?? null)),
    ...planned,
  ]
    .filter((o): o is PublicOutage => o !== null)
    .sort((a, b) => b.since.localeCompare(a.since) || a.id.localeCompare(b.id));
  return {
    generatedAt: now.toISOString(),
    outages,
    totals: {
      outages: outages.length,
      feeders: outages.reduce((n, o) => n + o.feeders.length, 0),
      consumersAffected: outages.reduce((n, o) => n + o.consumersAffected, 0),
      districts: new Set(outages.map((o) => o.district?.id).filter(Boolean)).size,
    },
  };
}
