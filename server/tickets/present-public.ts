import type { CategoryId, Status } from "../../shared/domain.js";
import type { Network } from "../network/loaded-network.js";
import type { Officers } from "../officers/officers.js";
import { ROLE_TITLES, type OfficerRole } from "../officers/roles.js";
import type { EventRow, TicketRow } from "../store/store.js";

/** What a consumer sees on /track: their ticket's progress, never a phone number or another consumer. */
export interface PublicTicket {
  number: string;
  status: Status;
  closure: string | null;
  category: CategoryId | null;
  createdAt: string;
  dueAt: string | null;
  slaState: string;
  place: { feeder: { en: string; hi: string } | null; district: { en: string; hi: string } | null };
  awaitingFeedback: boolean;
  timeline: PublicEvent[];
}

export interface PublicEvent {
  at: string;
  type: string;
  data: Record<string, unknown>;
}

const officerView = (officers: Officers, id: unknown) => {
  const o = typeof id === "string" ? officers.get(id) : undefined;
  if (!o) return null;
  const title = ROLE_TITLES[o.role as OfficerRole];
  return {
    name: o.name,
    nameHi: o.name_hi,
    role: title.short,
    designation: o.designation,
    designationHi: o.designation_hi,
  };
};

export function presentPublicTicket(
  t: TicketRow,
  events: EventRow[],
  network: Network,
  officers: Officers,
): PublicTicket {
  const feeder = t.feeder_id ? network.unit(t.feeder_id) : undefined;
  const district = t.district_id ? network.districts.get(t.district_id) : undefined;
  const timeline: PublicEvent[] = [];
  for (const e of events) {
    const d = JSON.parse(e.data) as Record<string, unknown>;
    switch (e.type) {
      case "created":
        timeline.push({ at: e.at, type: "created", data: { channel: d.channel } });
        break;
      case "assigned":
        timeline.push({
          at: e.at,
          type: "assigned",
          data: { officer: officerView(officers, d.officerId) },
        });
        break;
      case "status_changed":
        timeline.push({
          at: e.at,
          type: "status_changed",
          data: {
            from: d.from,
            to: d.to,
            note: d.to === "resolved" ? (d.note ?? null) : null,
            closure: d.closure ?? null,
          },
        });
        break;
      case "escalated":
        timeline.push({
          at: e.at,
          type: "escalated",
          data: { level: d.level, officer: officerView(officers, d.officerId) },
        });
        break;
      case "categorised":
      case "located":
        timeline.push({ at: e.at, type: e.type, data: {} });
        break;
      case "feedback":
        timeline.push({
          at: e.at,
          type: "feedback",
          data: { resolved: d.resolved, rating: d.rating },
        });
        break;
      case "merged":
        if (d.into) timeline.push({ at: e.at, type: "merged", data: { into: d.into } });
        break;
      // Internal notes, OTP attempts, SLA sweeps and other consumers' reports stay inside.
    }
  }
  return {
    number: t.number,
    status: t.status as Status,
    closure: t.closure,
    category: t.category as CategoryId | null,
    createdAt: t.created_at,
    dueAt: t.due_at,
    slaState: t.sla_state,
    place: {
      feeder: feeder ? { en: feeder.name, hi: feeder.nameHi } : null,
      district: district ? { en: district.name, hi: district.nameHi } : null,
    },
    awaitingFeedback: t.status === "resolved",
    timeline,
  };
}
