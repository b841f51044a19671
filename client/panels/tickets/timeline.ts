import type { TFunction } from "i18next";
import {
  CATEGORIES,
  CHANNEL_LABELS,
  SLA_LABELS,
  STATUS_LABELS,
  type CategoryId,
  type Channel,
  type SlaState,
  type Status,
} from "../../../shared/domain.js";
import { ROLE_TITLES, type OfficerRole } from "../../../shared/officers.js";
import type { TicketEventView } from "../../../shared/tickets.js";
import type { Language } from "../../i18n/index.js";
import { formatCount } from "../../i18n/format.js";

/** Everything the timeline needs to put an event into words, in either language. */
export interface TimelineContext {
  t: TFunction<"ops">;
  lng: Language;
  /** "Name, Designation" of an officer, or null when not known to this screen. */
  officer(id: string): string | null;
  /** A unit's name (for placements), or null. */
  unit(id: string): string | null;
}

export interface DescribedEvent {
  title: string;
  /** Further lines: notes, reasons, who. */
  details: string[];
}

const str = (v: unknown): string | null => (typeof v === "string" && v.length > 0 ? v : null);
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

function label<K extends string>(
  table: Record<K, { en: string; hi: string }>,
  v: unknown,
  lng: Language,
): string {
  const k = str(v);
  return k && k in table ? table[k as K][lng] : (k ?? "–");
}

function roleName(v: unknown, lng: Language): string | null {
  const r = str(v);
  if (!r || !(r in ROLE_TITLES)) return null;
  const role = ROLE_TITLES[r as OfficerRole];
  return `${role[lng]} (${role.short})`;
}

/** Puts one ticket event into words: every event type, in English or Hindi. */
export function describeEvent(e: TicketEventView, ctx: TimelineContext): DescribedEvent {
  const { t, lng } = ctx;
  const d = e.data;
  const details: string[] = [];
  const add = (key: Parameters<TFunction<"ops">>[0], value: string | null) => {
    if (value) details.push(t(key as "timeline.note", { value }));
  };
  const who = (id: unknown) => {
    const s = str(id);
    return s ? (ctx.officer(s) ?? s) : null;
  };
  switch (e.type) {
    case "created": {
      add("timeline.via", label<Channel>(CHANNEL_LABELS, d.channel, lng));
      const category = str(d.category);
      const confidence = num(d.confidence);
      if (category) {
        const pct =
          confidence === null ? "" : ` (${formatCount(Math.round(confidence * 100), lng)}%)`;
        add("timeline.categoryGuess", label<CategoryId>(CATEGORIES, category, lng) + pct);
      }
      const feeder = str(d.feederId);
      if (feeder) add("timeline.placedOn", ctx.unit(feeder) ?? feeder);
      else details.push(t("timeline.notPlaced"));
      return { title: t("timeline.created"), details };
    }
    case "report_attached":
      add("timeline.via", label<Channel>(CHANNEL_LABELS, d.channel, lng));
      return { title: t("timeline.reportAttached"), details };
    case "categorised":
      if (str(d.from)) add("timeline.previously", label<CategoryId>(CATEGORIES, d.from, lng));
      return {
        title: t("timeline.categorised", { category: label<CategoryId>(CATEGORIES, d.to, lng) }),
        details,
      };
    case "located": {
      const feeder = str(d.feederId) ?? "";
      details.push(t(d.by === "consumer" ? "timeline.byConsumer" : "timeline.byStaff"));
      return { title: t("timeline.located", { place: ctx.unit(feeder) ?? feeder }), details };
    }
    case "assigned": {
      const officer = who(d.officerId) ?? "–";
      if (d.automatic === true) details.push(t("timeline.automatic"));
      add("timeline.role", roleName(d.role, lng));
      if (str(d.from)) add("timeline.previously", who(d.from));
      if (str(d.standInFor)) add("timeline.standInFor", who(d.standInFor));
      add("timeline.reason", str(d.reason));
      return { title: t("timeline.assigned", { officer }), details };
    }
    case "status_changed": {
      const to = label<Status>(STATUS_LABELS, d.to, lng);
      add("timeline.from", label<Status>(STATUS_LABELS, d.from, lng));
      add("timeline.note", str(d.note));
      add("timeline.reason", str(d.reason));
      const closure = str(d.closure);
      if (closure)
        details.push(t(`closure.${closure}` as "closure.confirmed_otp", { defaultValue: closure }));
      if (d.falseClosure === true) details.push(t("timeline.falseClosure"));
      if (str(d.resolvedBy)) add("timeline.resolvedBy", who(d.resolvedBy));
      return { title: t("timeline.statusChanged", { status: to }), details };
    }
    case "sla_changed":
      add("timeline.from", label<SlaState>(SLA_LABELS, d.from, lng));
      return {
        title: t("timeline.slaChanged", { state: label<SlaState>(SLA_LABELS, d.to, lng) }),
        details,
      };
    case "escalated": {
      const level = formatCount(num(d.level) ?? 0, lng);
      add("timeline.role", roleName(d.role, lng));
      if (str(d.officerId)) add("timeline.answerable", who(d.officerId));
      add("timeline.reason", str(d.reason));
      return { title: t("timeline.escalated", { level }), details };
    }
    case "note":
      return {
        title: t("timeline.noteAdded"),
        details: str(d.text) ? [str(d.text) as string] : [],
      };
    case "feedback": {
      const rating = num(d.rating);
      if (rating !== null) add("timeline.rating", formatCount(rating, lng));
      add("timeline.comment", str(d.comment));
      if (str(d.falseClosureBy)) add("timeline.falseClosureBy", who(d.falseClosureBy));
      return {
        title: t(d.resolved === true ? "timeline.feedbackFixed" : "timeline.feedbackNotFixed"),
        details,
      };
    }
    case "merged":
      if (str(d.into)) return { title: t("timeline.mergedInto", { number: str(d.into) }), details };
      return {
        title: t("timeline.absorbed", { number: str(d.absorbed) ?? "–" }),
        details:
          num(d.reports) === null
            ? []
            : [t("timeline.reports", { n: formatCount(num(d.reports) ?? 0, lng) })],
      };
    case "otp_failed":
      return {
        title: t("timeline.otpFailed"),
        details: [
          t("timeline.attemptsLeft", {
            count: num(d.attemptsLeft) ?? 0,
            n: formatCount(num(d.attemptsLeft) ?? 0, lng),
          }),
        ],
      };
    case "incident_linked":
      return { title: t("timeline.incidentLinked", { id: str(d.incidentId) ?? "–" }), details };
  }
  return { title: e.type, details };
}

/** Who did it: a person's name when known, else the control room / consumer / the system. */
export function describeActor(actor: string | null, ctx: TimelineContext): string {
  if (!actor) return ctx.t("timeline.actorSystem");
  if (actor === "consumer") return ctx.t("timeline.actorConsumer");
  if (actor === "control-room") return ctx.t("timeline.actorControlRoom");
  return ctx.officer(actor) ?? actor;
}
