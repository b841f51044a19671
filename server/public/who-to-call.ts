import type { Unit } from "../../shared/network.js";
import {
  HELPLINE,
  type PublicOfficer,
  type WhoToCall,
  type WhoToCallQuery,
} from "../../shared/public.js";
import { openIncidents } from "../incidents/incidents.js";
import type { Network } from "../network/loaded-network.js";
import type { Officers } from "../officers/officers.js";
import { ROLE_TITLES } from "../officers/roles.js";
import { publicOfficerPhone } from "../policies/index.js";
import type { Store } from "../store/store.js";
import type { PlaceMatch } from "../triage/types.js";
import type { PublicContacts } from "./contacts.js";
import { expectedRestorations } from "./outages.js";
import type { Towns } from "./towns.js";

export interface WhoToCallDeps {
  store: Store;
  network: Network;
  officers: Officers;
  contacts: PublicContacts;
  /** The triage place finder (district, town, substation and feeder names in both scripts). */
  findPlace(text: string): PlaceMatch | null;
  towns: Towns;
}

type Where = { unit: Unit } | { districtId: string };

/**
 * Where the consumer is, from what they gave: their account's feeder, their ticket's feeder (or
 * district), or the place they named. Only the place is used from here on: a consumer's name and
 * phone are never read.
 */
async function locate(deps: WhoToCallDeps, q: WhoToCallQuery): Promise<Where | null> {
  const unitOrNull = (id: string | null | undefined) => {
    const unit = id ? deps.network.unit(id) : undefined;
    return unit ? { unit } : null;
  };
  if (q.account !== undefined) {
    const consumer = await deps.store.findConsumer(q.account);
    return unitOrNull(consumer?.feeder_id);
  }
  if (q.ticket !== undefined) {
    const ticket = await deps.store.getTicketByNumber(q.ticket);
    if (!ticket) return null;
    return (
      unitOrNull(ticket.feeder_id) ??
      (ticket.district_id ? { districtId: ticket.district_id } : null)
    );
  }
  const text = q.place ?? "";
  const match = deps.findPlace(text);
  const found = unitOrNull(match?.unitId);
  if (found) return found;
  // A town: the sub-division named after it, else the district the finder placed it in.
  const town = deps.towns.find(text, match?.districtId ?? null);
  if (town) return { unit: town };
  return match?.districtId ? { districtId: match.districtId } : null;
}

const ref = (u: Unit | undefined) => (u ? { id: u.id, name: { en: u.name, hi: u.nameHi } } : null);

function officerOf(deps: WhoToCallDeps, path: string[], role: "je" | "sdo"): PublicOfficer | null {
  // The one who acts: a stand-in while the officer is on leave.
  const o = deps.officers.acting(deps.officers.holder(deps.network, path, role));
  if (!o) return null;
  const unit = deps.network.unit(o.unit_id);
  const title = ROLE_TITLES[role];
  return {
    role,
    title: { en: title.en, hi: title.hi },
    name: { en: o.name, hi: o.name_hi },
    unit: { en: unit?.name ?? "", hi: unit?.nameHi ?? "" },
    phone: publicOfficerPhone(o, (id) => deps.contacts.isPublished(id)),
  };
}

/** The consumer's feeder, its JE and SDO, the fuse-call centre and 1912; null when nothing matched. */
export async function whoToCall(deps: WhoToCallDeps, q: WhoToCallQuery): Promise<WhoToCall | null> {
  const where = await locate(deps, q);
  if (!where) return null;
  const { network } = deps;
  if (!("unit" in where)) {
    const d = network.districts.get(where.districtId);
    if (!d) return null;
    const unit = network.districtUnit(d.id);
    const fuse = unit ? deps.contacts.fuseCallOn(unit.path) : null;
    return {
      precision: "district",
      district: { id: d.id, name: { en: d.name, hi: d.nameHi } },
      subdivision: null,
      substation: null,
      feeder: null,
      officers: [],
      fuseCall: fuseCallView(network, fuse),
      helpline: HELPLINE,
      outage: null,
    };
  }
  const { unit } = where;
  const path = unit.path;
  const byKind = (kind: Unit["kind"]) =>
    path.map((id) => network.unit(id)).find((u) => u?.kind === kind);
  const district = unit.districtId ? network.districts.get(unit.districtId) : undefined;
  const officers = [officerOf(deps, path, "je"), officerOf(deps, path, "sdo")].filter(
    (o): o is PublicOfficer => o !== null,
  );
  const open = (await openIncidents(deps.store.kysely)).find((i) =>
    unit.kind === "feeder"
      ? (JSON.parse(i.feeders) as string[]).includes(unit.id)
      : i.substation_id === unit.id,
  );
  const restoreBy = open ? await expectedRestorations(deps.store, [open.id]) : null;
  return {
    precision:
      unit.kind === "feeder" || unit.kind === "substation" || unit.kind === "subdivision"
        ? unit.kind
        : "district",
    district: district
      ? { id: district.id, name: { en: district.name, hi: district.nameHi } }
      : null,
    subdivision: ref(byKind("subdivision")),
    substation: ref(byKind("substation")),
    feeder: unit.kind === "feeder" ? ref(unit) : null,
    officers,
    fuseCall: fuseCallView(network, deps.contacts.fuseCallOn(path)),
    helpline: HELPLINE,
    outage: open
      ? {
          id: open.id,
          since: open.started_at,
          expectedRestorationAt: restoreBy?.get(open.id) ?? null,
        }
      : null,
  };
}

function fuseCallView(network: Network, fuse: { unitId: string; phone: string } | null) {
  const unit = fuse ? network.unit(fuse.unitId) : undefined;
  return fuse && unit ? { unit: { en: unit.name, hi: unit.nameHi }, phone: fuse.phone } : null;
}
