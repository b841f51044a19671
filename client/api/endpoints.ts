import type { ReportInput, TicketAction } from "../../shared/schemas.js";
import type { UnitKind } from "../../shared/domain.js";
import type { DemoStatus } from "../../shared/demo.js";
import type { IncidentView } from "../../shared/live.js";
import type { TicketSummary } from "../../shared/tickets.js";
import { apiFetch, queryString } from "./http.js";
import type {
  FiledReportResponse,
  IncidentsResponse,
  OfficersResponse,
  TicketDetail,
  TicketFilters,
  TicketPage,
  UnitChildrenResponse,
  UnitSearchResponse,
} from "./types.js";

/** Typed calls to /api/v1: one function per endpoint the operations screens use. */

const enc = encodeURIComponent;

export function getUnitChildren(unitId: string, signal?: AbortSignal) {
  return apiFetch<UnitChildrenResponse>(`/api/v1/units/${enc(unitId)}/children`, { signal });
}

export function searchUnits(
  q: string,
  opts: { kind?: UnitKind; limit?: number; signal?: AbortSignal } = {},
) {
  const qs = queryString({ q, kind: opts.kind, limit: opts.limit ?? 20 });
  return apiFetch<UnitSearchResponse>(`/api/v1/units/search${qs}`, { signal: opts.signal });
}

/** The query parameters of GET /api/v1/tickets for a unit and a set of filters. */
export function ticketListQuery(
  unit: string | undefined,
  f: TicketFilters,
  extra: { cursor?: string | null; limit?: number; needsTriage?: boolean } = {},
): Record<string, string | number | undefined> {
  return {
    unit,
    category: f.category || undefined,
    status: f.status && f.status !== "all" ? f.status : undefined,
    open: f.status === "" ? "true" : undefined,
    sla: f.sla || undefined,
    channel: f.channel || undefined,
    q: f.q.trim() || undefined,
    needsTriage: extra.needsTriage === undefined ? undefined : String(extra.needsTriage),
    cursor: extra.cursor ?? undefined,
    limit: extra.limit ?? 50,
  };
}

export function listTickets(
  query: Record<string, string | number | undefined>,
  signal?: AbortSignal,
) {
  return apiFetch<TicketPage>(`/api/v1/tickets${queryString(query)}`, { signal });
}

/** `phone`: the caller on the line, whose own ticket the call centre may see in full. */
export function getTicket(number: string, signal?: AbortSignal, phone?: string) {
  const q = phone ? `?phone=${encodeURIComponent(phone)}` : "";
  return apiFetch<TicketDetail>(`/api/v1/tickets/${enc(number)}${q}`, { signal });
}

export function postTicketAction(number: string, action: TicketAction) {
  return apiFetch<{ ticket: TicketSummary }>(`/api/v1/tickets/${enc(number)}/actions`, {
    method: "POST",
    body: action,
  });
}

export function listOfficers(unit: string, signal?: AbortSignal) {
  return apiFetch<OfficersResponse>(`/api/v1/officers${queryString({ unit })}`, { signal });
}

export function listIncidents(unit: string, signal?: AbortSignal) {
  const qs = queryString({ unit, status: "open" });
  return apiFetch<IncidentsResponse>(`/api/v1/incidents${qs}`, { signal });
}

export function resolveIncident(id: string, note: string) {
  return apiFetch<{ incident: IncidentView; ticketsResolved: number }>(
    `/api/v1/incidents/${enc(id)}/resolve`,
    { method: "POST", body: { note } },
  );
}

export function fileReport(input: ReportInput) {
  return apiFetch<FiledReportResponse>("/api/v1/reports", { method: "POST", body: input });
}

export function pasteXPost(input: { url: string; text: string; officerId?: string }) {
  return apiFetch<FiledReportResponse>("/api/v1/reports/x-paste", { method: "POST", body: input });
}

export function getDemoStatus(signal?: AbortSignal) {
  return apiFetch<DemoStatus>("/api/v1/demo", { signal });
}
