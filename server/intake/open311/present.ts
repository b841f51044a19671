import { CATEGORIES, IST_OFFSET_MINUTES, type CategoryId } from "../../../shared/domain.js";
import type { Kysely } from "kysely";
import type { Database } from "../../store/schema.js";
import type { TicketContext } from "../../tickets/context.js";
import type { TicketRow } from "../../store/store.js";
import { maskPersonalText } from "../../tickets/present.js";
import { UNCLASSIFIED, findService } from "./services.js";

/** A service request as GeoReport v2 lists it (GET requests.fmt and requests/{id}.fmt). */
export interface Open311Request {
  [field: string]: string | number | null;
  service_request_id: string;
  status: "open" | "closed";
  status_notes: string | null;
  service_name: string | null;
  service_code: string | null;
  description: string;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

/** Closed and merged tickets are closed to Open311; everything else is still being worked on. */
export const OPEN311_CLOSED_STATUSES = ["closed", "merged"];

export function open311Status(status: string): "open" | "closed" {
  return OPEN311_CLOSED_STATUSES.includes(status) ? "closed" : "open";
}

/** W3C date-time in India time (2026-01-01T18:05:00+05:30): the discom's clients read local time. */
export function istDateTime(iso: string): string;
export function istDateTime(iso: string | null): string | null;
export function istDateTime(iso: string | null): string | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  return new Date(ms + IST_OFFSET_MINUTES * 60_000).toISOString().slice(0, 19) + "+05:30";
}

function statusNotes(t: TicketRow): string | null {
  if (t.status === "merged") return t.merged_into ? `Merged into ${t.merged_into}.` : "Merged.";
  if (t.status === "closed" || t.status === "resolved") return t.resolution_note;
  return null;
}

/** What an Open311 client submitted for a request (the form, without the api_key). */
export type SubmittedForm = Record<string, string>;

/**
 * The forms behind the tickets that were filed through Open311, by ticket id (the first Open311
 * report of each), so a request is read back with the location, address and media as given.
 */
export async function submittedForms(
  db: Kysely<Database>,
  ticketIds: number[],
): Promise<Map<number, SubmittedForm>> {
  const out = new Map<number, SubmittedForm>();
  for (let i = 0; i < ticketIds.length; i += 500) {
    const rows = await db
      .selectFrom("reports")
      .select(["ticket_id", "raw"])
      .where("channel", "=", "open311")
      .where("ticket_id", "in", ticketIds.slice(i, i + 500))
      .orderBy("received_at")
      .execute();
    for (const r of rows) {
      if (out.has(r.ticket_id) || !r.raw) continue;
      try {
        const form = JSON.parse(r.raw) as unknown;
        if (form && typeof form === "object") out.set(r.ticket_id, form as SubmittedForm);
      } catch {
        // A raw payload that is not JSON has nothing to give back; the feeder's point stands in.
      }
    }
  }
  return out;
}

function coordinate(v: string | undefined): number | null {
  if (v === undefined || v.trim() === "") return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

/**
 * The public Open311 view of a ticket. A request filed through Open311 is read back with the
 * location, address, address id and media URL its client submitted (the feeder it was placed on
 * stays in the ticket, apart). Other channels' tickets show what the public /track page shows:
 * the digit-masked excerpt, and the feeder's point rather than the consumer's own pin.
 */
export function presentOpen311Request(
  ctx: TicketContext,
  t: TicketRow,
  submitted?: SubmittedForm,
): Open311Request {
  const feeder = t.feeder_id ? ctx.network.unit(t.feeder_id) : undefined;
  const district = t.district_id ? ctx.network.districts.get(t.district_id) : undefined;
  const address = [
    feeder ? `${feeder.name} feeder` : null,
    district ? `${district.name} district` : null,
  ]
    .filter(Boolean)
    .join(", ");
  const point = feeder ? { lat: feeder.lat, lon: feeder.lon } : district ? district.hq : null;
  const category = t.category as CategoryId | null;
  const location = submitted
    ? {
        address: submitted.address_string?.trim() || null,
        address_id: submitted.address_id?.trim() || null,
        lat: coordinate(submitted.lat),
        long: coordinate(submitted.long),
        media_url: submitted.media_url?.trim() || null,
      }
    : {
        address: address || null,
        address_id: null,
        lat: point ? point.lat : null,
        long: point ? point.lon : null,
        media_url: null,
      };
  return {
    service_request_id: t.number,
    status: open311Status(t.status),
    status_notes: statusNotes(t),
    service_name: category ? CATEGORIES[category].en : findService(UNCLASSIFIED)!.service_name,
    service_code: category ?? UNCLASSIFIED,
    // Open311 GET is public: no account number, phone or house number a consumer typed.
    description: maskPersonalText(t.excerpt),
    agency_responsible: ctx.officers.get(t.assignee_id)?.designation ?? null,
    service_notice: null,
    requested_datetime: istDateTime(t.created_at),
    updated_datetime: istDateTime(t.updated_at),
    expected_datetime: istDateTime(t.due_at),
    address: location.address,
    address_id: location.address_id,
    zipcode: null,
    lat: location.lat,
    long: location.long,
    media_url: location.media_url,
  };
}
