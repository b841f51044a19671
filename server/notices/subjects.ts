import type { MessageKind } from "../../shared/outbox.js";
import type { Language } from "../intake/contacts.js";
import { getIncident } from "../incidents/incidents.js";
import type { IncidentRow } from "../store/schema.js";
import { feederNames, type NoticeDeps } from "./deps.js";
import type { NoticeKind } from "./plan.js";
import type { AnnouncementRow, ShutdownRow } from "./schema.js";
import { etaText, outageText, restoredText, shutdownText } from "./texts.js";

/** What a subject's notices need at send time, read fresh so a later ETA is the one told. */
export type Subject =
  | {
      type: "incident";
      incident: IncidentRow;
      announcement: AnnouncementRow | undefined;
      /** For an update (etaSubject), the restoration time it tells. */
      restoreBy: string | null;
    }
  | { type: "shutdown"; shutdown: ShutdownRow };

export async function getAnnouncement(
  deps: Pick<NoticeDeps, "db">,
  incidentId: string,
): Promise<AnnouncementRow | undefined> {
  return deps.db
    .selectFrom("outage_announcements")
    .selectAll()
    .where("incident_id", "=", incidentId)
    .executeTakeFirst();
}

export async function loadSubject(deps: NoticeDeps, subject: string): Promise<Subject | null> {
  const [type, ...rest] = subject.split(":");
  const [id, restoreBy] = rest.join(":").split("#");
  if (type === "incident") {
    const incident = await getIncident(deps.db, id);
    if (!incident) return null;
    const announcement = await getAnnouncement(deps, id);
    return { type, incident, announcement, restoreBy: restoreBy ?? null };
  }
  if (type === "shutdown") {
    const shutdown = await deps.db
      .selectFrom("shutdowns")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    return shutdown ? { type, shutdown } : null;
  }
  return null;
}

/** Has this notice lost its point before it went (the outage over, the shutdown off or past)? */
export function isStale(kind: NoticeKind, s: Subject, now: string): boolean {
  if (s.type === "incident") {
    if (kind === "eta")
      return s.incident.status !== "open" || s.announcement?.restore_by !== s.restoreBy;
    return kind === "outage" && s.incident.status !== "open";
  }
  return s.shutdown.cancelled_at !== null || s.shutdown.ends_at <= now;
}

export const MESSAGE_KIND: Record<NoticeKind, MessageKind> = {
  outage: "outage_notice",
  reply: "outage_notice",
  eta: "outage_notice",
  restored: "restored_notice",
  shutdown: "shutdown_notice",
};

/** The words of one notice in one language. */
export function noticeBody(
  deps: Pick<NoticeDeps, "network">,
  kind: NoticeKind,
  s: Subject,
  language: Language,
): string {
  if (s.type === "shutdown") {
    return shutdownText(
      {
        feederName: feederNames(deps.network, JSON.parse(s.shutdown.feeders) as string[], language),
        reason: s.shutdown.reason,
        startsAt: s.shutdown.starts_at,
        endsAt: s.shutdown.ends_at,
      },
      language,
    );
  }
  const name = feederNames(deps.network, JSON.parse(s.incident.feeders) as string[], language);
  if (kind === "restored") return restoredText(name, language);
  if (kind === "eta" && s.restoreBy) return etaText(name, s.restoreBy, language);
  return outageText(
    {
      feederName: name,
      crewAssigned: (s.announcement?.crew_assigned ?? 0) === 1,
      restoreBy: s.announcement?.restore_by ?? null,
    },
    language,
  );
}
