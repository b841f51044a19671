import type { OutboxMessageView } from "../../shared/outbox.js";
import type { CategoryId, Channel, SlaState, Status, UnitKind } from "../../shared/domain.js";
import type { IncidentView } from "../../shared/live.js";
import type { Unit } from "../../shared/network.js";
import type { OfficerRole } from "../../shared/officers.js";
import type { ReportView, TicketEventView, TicketSummary } from "../../shared/tickets.js";

/** Wire shapes of the REST answers the operations screens read (beyond what shared/ declares). */

export interface UnitCrumb {
  id: string;
  kind: UnitKind;
  name: string;
  nameHi: string;
}

/** One child of a unit with its counts and the figures only the server can compute. */
export interface UnitChildStats {
  id: string;
  kind: UnitKind;
  name: string;
  nameHi: string;
  open: number;
  atRisk: number;
  breached: number;
  medianOpenAgeHours: number | null;
  confirmedClosurePct: number | null;
  /** Rupees. */
  compensationOwed: number;
}

export interface UnitChildrenResponse {
  unit: Unit;
  breadcrumbs: UnitCrumb[];
  children: UnitChildStats[];
}

export interface UnitSearchHit {
  id: string;
  kind: UnitKind;
  name: string;
  nameHi: string;
  path: Array<{ id: string; name: string; nameHi: string }>;
}

export interface UnitSearchResponse {
  units: UnitSearchHit[];
}

/** A ticket as lists show it; the triage queue also reads the categoriser's confidence if sent. */
export type TicketListItem = TicketSummary & {
  confidence?: number | null;
  suggestedCategory?: CategoryId | null;
};

export interface TicketPage {
  tickets: TicketListItem[];
  total: number;
  nextCursor: string | null;
}

export interface Assignee {
  id: string;
  name: string;
  nameHi: string;
  designation: string;
  designationHi: string;
  role: OfficerRole;
  phone: string;
}

/** GET /api/v1/tickets/:number. Fields after `events` may be missing from older servers. */
export interface TicketDetail {
  ticket: TicketSummary;
  reports: ReportView[];
  events: TicketEventView[];
  assignee?: Assignee | null;
  compensation?: { daysLate: number; amount: number };
  otpAttemptsLeft?: number;
  closure?: string | null;
  resolutionNote?: string | null;
  mergedInto?: string | null;
  incident?: IncidentView | null;
  /** Officers named in the events, by id (so the timeline can name who was assigned or escalated to). */
  officers?: Record<string, Omit<Assignee, "id" | "phone"> & { id?: string }>;
  /** What was sent to the consumer and officers, and how far each message got. */
  messages?: OutboxMessageView[];
}

/** An officer as GET /api/v1/officers sends it (store column names). */
export interface OfficerWire {
  id: string;
  unit_id: string;
  role: OfficerRole;
  name: string;
  name_hi: string;
  designation: string;
  designation_hi: string;
  phone: string;
  on_leave: number | boolean;
  stand_in_id: string | null;
}

export interface OfficersResponse {
  officers: OfficerWire[];
  total?: number;
}

export interface IncidentsResponse {
  incidents: IncidentView[];
}

export interface FiledReportResponse {
  ticket: TicketSummary;
  created: boolean;
  duplicate: boolean;
}

/** The ticket list filters an address can carry (all optional; "" means not set). */
export interface TicketFilters {
  category: CategoryId | "uncategorised" | "";
  /** "" = every open ticket; "all" = open and closed; else one status. */
  status: Status | "all" | "";
  sla: SlaState | "";
  channel: Channel | "";
  q: string;
}

export const NO_FILTERS: TicketFilters = { category: "", status: "", sla: "", channel: "", q: "" };
