/**
 * Outage notices and planned shutdowns: the request schemas both the API and the control-room form
 * validate with, and the shapes the API answers with.
 */
import { z } from "zod";

/** Longest planned shutdown one request may schedule (maintenance windows are hours, not weeks). */
export const MAX_SHUTDOWN_HOURS = 72;
export const MAX_SHUTDOWN_FEEDERS = 50;

export const shutdownInputSchema = z
  .strictObject({
    feederIds: z
      .array(z.string().trim().min(1).max(100))
      .min(1, "must name at least one feeder")
      .max(MAX_SHUTDOWN_FEEDERS, `must name at most ${MAX_SHUTDOWN_FEEDERS} feeders`),
    reason: z
      .string()
      .trim()
      .min(5, "must say why (at least 5 characters)")
      .max(500, "must be at most 500 characters"),
    startsAt: z.iso.datetime({ offset: true, message: "must be a date and time" }),
    endsAt: z.iso.datetime({ offset: true, message: "must be a date and time" }),
  })
  .refine((s) => Date.parse(s.endsAt) > Date.parse(s.startsAt), {
    message: "must be after the start",
    path: ["endsAt"],
  })
  .refine((s) => Date.parse(s.endsAt) - Date.parse(s.startsAt) <= MAX_SHUTDOWN_HOURS * 3_600_000, {
    message: `must be within ${MAX_SHUTDOWN_HOURS} hours of the start`,
    path: ["endsAt"],
  });
export type ShutdownInput = z.infer<typeof shutdownInputSchema>;

export const shutdownQuerySchema = z.strictObject({
  unit: z.string().min(1).max(120).optional(),
  /** Only shutdowns not yet over (scheduled or under way) when "true". */
  current: z.enum(["true", "false"]).optional(),
});

/** An officer confirms an inferred outage and says what consumers are told. */
export const announcementInputSchema = z.strictObject({
  crewAssigned: z.boolean().optional(),
  /** When supply is expected back; null clears it. */
  restoreBy: z.iso
    .datetime({ offset: true, message: "must be a date and time" })
    .nullable()
    .optional(),
});
export type AnnouncementInput = z.infer<typeof announcementInputSchema>;

export type ShutdownStatus = "scheduled" | "active" | "ended" | "cancelled";

export interface ShutdownView {
  id: string;
  feeders: string[];
  unitId: string;
  reason: string;
  startsAt: string;
  endsAt: string;
  status: ShutdownStatus;
  createdAt: string;
  /** Notices planned to consumers on its feeders, and how many went to the outbox so far. */
  noticesPlanned: number;
  noticesQueued: number;
  /** Supply-cut reports from its feeders inside the window, answered automatically. */
  reportsAnswered: number;
}

export interface ShutdownListResponse {
  shutdowns: ShutdownView[];
}
export interface ShutdownResponse {
  shutdown: ShutdownView;
}

/** Counts of one incident's notices by what became of them. */
export interface NoticeCounts {
  /** In the plan: waiting + queued + opted out. */
  planned: number;
  /** Held back: quiet hours or the per-incident rate. */
  waiting: number;
  queued: number;
  optedOut: number;
}

/** Delivery of the notices handed to the outbox, from the channels' message statuses. */
export interface NoticeDelivery {
  pending: number;
  sent: number;
  delivered: number;
  read: number;
  failed: number;
  notSent: number;
  /** (delivered + read) / (everything handed to a gateway); null before any went out. */
  deliveryRate: number | null;
}

export interface IncidentNoticesView {
  incidentId: string;
  announcedAt: string | null;
  confirmedAt: string | null;
  crewAssigned: boolean;
  restoreBy: string | null;
  outage: NoticeCounts;
  restored: NoticeCounts;
  /** New restoration times told to those who already had the outage notice. */
  updates: NoticeCounts;
  delivery: NoticeDelivery;
  /** Reports that joined the outage after it was announced, answered with its notice. */
  callsSaved: number;
}

export interface IncidentNoticesResponse {
  notices: IncidentNoticesView;
}
