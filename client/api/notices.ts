import type {
  AnnouncementInput,
  IncidentNoticesResponse,
  ShutdownInput,
  ShutdownListResponse,
  ShutdownResponse,
} from "../../shared/notices.js";
import { apiFetch, queryString } from "./http.js";

/** Typed calls to the notices and planned-shutdown endpoints. */

const enc = encodeURIComponent;

export function listShutdowns(unit: string | undefined, current: boolean, signal?: AbortSignal) {
  const qs = queryString({ unit, current: current ? "true" : undefined });
  return apiFetch<ShutdownListResponse>(`/api/v1/shutdowns${qs}`, { signal });
}

export function scheduleShutdown(input: ShutdownInput) {
  return apiFetch<ShutdownResponse>("/api/v1/shutdowns", { method: "POST", body: input });
}

export function cancelShutdown(id: string) {
  return apiFetch<ShutdownResponse>(`/api/v1/shutdowns/${enc(id)}/cancel`, { method: "POST" });
}

export function getIncidentNotices(id: string, signal?: AbortSignal) {
  return apiFetch<IncidentNoticesResponse>(`/api/v1/incidents/${enc(id)}/notices`, { signal });
}

export function announceIncident(id: string, input: AnnouncementInput) {
  return apiFetch<IncidentNoticesResponse>(`/api/v1/incidents/${enc(id)}/announcement`, {
    method: "POST",
    body: input,
  });
}
