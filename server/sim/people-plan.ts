/**
 * How the simulated people behave, as pure functions of a seed, a division and a ticket: who is
 * overloaded or absent, how long each step takes per category, when offices are open, and how
 * each division's consumers answer. Rates differ by division so the scorecards tell stories.
 */
import { CATEGORIES, type CategoryId } from "../../shared/domain.js";
import { istHour } from "./curve.js";
import { Rng, hashSeed } from "./random.js";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export type OfficerHabit = "normal" | "overloaded" | "absent";

export interface DivisionProfile {
  /** Share of this division's officers who are overloaded (slow) or absent (never act). */
  overloaded: number;
  absent: number;
  /** How its consumers answer "is it fixed?"; the rest never answer (closed unconfirmed). */
  confirmOtp: number;
  confirmFeedback: number;
  notFixed: number;
}

/** A division's character, fixed by the seed: a few are well run, a few struggle. */
export function divisionProfile(seed: number, divisionId: string): DivisionProfile {
  const r = new Rng(hashSeed(seed, divisionId, "division"));
  const strain = r.next() ** 2; // most divisions cope; a tail does not
  return {
    overloaded: 0.04 + 0.3 * strain,
    absent: r.chance(0.3) ? 0.03 + 0.1 * strain : 0,
    confirmOtp: 0.3 + 0.3 * r.next(),
    confirmFeedback: 0.08 + 0.12 * r.next(),
    notFixed: 0.03 + 0.17 * strain,
  };
}

export function officerHabit(seed: number, officerId: string, p: DivisionProfile): OfficerHabit {
  const x = new Rng(hashSeed(seed, officerId, "officer")).next();
  if (x < p.absent) return "absent";
  if (x < p.absent + p.overloaded) return "overloaded";
  return "normal";
}

/** A log-normal draw around `median` (most near it, a long slow tail). */
function logNormal(r: Rng, median: number, sigma = 0.6): number {
  const u = Math.max(1e-9, r.next());
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.next());
  return median * Math.exp(sigma * z);
}

/** Median time from assignment to an officer taking the ticket up (acknowledging it). */
const ACK_MEDIAN: Record<CategoryId, number> = {
  supply_cut: 20 * MIN,
  pole_wire: 40 * MIN,
  meter_jumping: 5 * HOUR,
  meter_reading: 4 * HOUR,
  bill_generation: 4 * HOUR,
  connection_transfer: 8 * HOUR,
};

/** Median time from taking it up to the fix, on an urban feeder (rural ones take longer). */
const FIX_MEDIAN: Record<CategoryId, number> = {
  supply_cut: 2.5 * HOUR,
  pole_wire: 3 * HOUR,
  meter_jumping: 3 * DAY,
  meter_reading: 1.2 * DAY,
  bill_generation: 1.2 * DAY,
  connection_transfer: 6 * DAY,
};

const NIGHT = (h: number) => h >= 23 || h < 6;

/**
 * Moves an instant into working time: commercial staff work 10:00-17:00 IST, Monday to Saturday;
 * line crews work round the clock but most night jobs wait for first light.
 */
export function workingTime(atMs: number, category: CategoryId, r: Rng): number {
  if (CATEGORIES[category].wing === "technical") {
    const h = istHour(atMs);
    if (!NIGHT(h) || r.chance(0.35)) return atMs;
    const toSix = ((6 - h + 24) % 24) * HOUR;
    return atMs + toSix + r.next() * 2 * HOUR;
  }
  let t = atMs;
  for (let guard = 0; guard < 9; guard++) {
    const h = istHour(t);
    const weekday = new Date(t + 5.5 * HOUR).getUTCDay();
    if (weekday !== 0 && h >= 10 && h < 17) return t;
    const toTen = ((10 - h + 24) % 24 || 24) * HOUR;
    t += toTen + r.next() * 3 * HOUR;
  }
  return t;
}

/** When the officer takes up a ticket assigned (or reopened) at `fromMs`. */
export function ackAt(
  r: Rng,
  fromMs: number,
  category: CategoryId,
  habit: OfficerHabit,
  reopened: boolean,
): number {
  const slow = habit === "overloaded" ? 4 : 1;
  const d = logNormal(r, ACK_MEDIAN[category] * slow * (reopened ? 0.7 : 1));
  return workingTime(fromMs + d, category, r);
}

/** When the fix is done, taken up at `fromMs`. */
export function fixAt(
  r: Rng,
  fromMs: number,
  category: CategoryId,
  rural: boolean,
  habit: OfficerHabit,
  reopened: boolean,
): number {
  const slow = (habit === "overloaded" ? 3.5 : 1) * (rural ? 2.2 : 1) * (reopened ? 0.6 : 1);
  return workingTime(fromMs + logNormal(r, FIX_MEDIAN[category] * slow, 0.7), category, r);
}

export type ConsumerAnswer = "otp" | "yes" | "no" | "silent";

/** What the consumer does once told the ticket is resolved; a second fix is trusted more. */
export function consumerAnswer(r: Rng, p: DivisionProfile, falseClosures: number): ConsumerAnswer {
  const notFixed = falseClosures > 0 ? p.notFixed * 0.3 : p.notFixed;
  const x = r.next();
  if (x < notFixed) return "no";
  if (x < notFixed + p.confirmOtp) return "otp";
  if (x < notFixed + p.confirmOtp + p.confirmFeedback) return "yes";
  return "silent";
}

/** When a consumer answers a message sent at `fromMs` (people sleep). */
export function answerAt(r: Rng, fromMs: number): number {
  const t = fromMs + logNormal(r, 2 * HOUR, 0.9);
  const h = istHour(t);
  return NIGHT(h) ? t + ((7 - h + 24) % 24) * HOUR + r.next() * 2 * HOUR : t;
}

/** When the crew restores a feeder outage raised at `fromMs`. */
export function incidentFixAt(r: Rng, fromMs: number): number {
  return fromMs + HOUR + r.next() * 4 * HOUR;
}

/** When the control room gets to a ticket in the triage queue. */
export function triageAt(r: Rng, fromMs: number): number {
  return fromMs + 10 * MIN + r.next() * 50 * MIN;
}

const START_NOTES: Record<CategoryId, string[]> = {
  supply_cut: [
    "Lineman sent to the DT",
    "Crew on the way; fault being traced",
    "SSO informed, patrolling the feeder",
  ],
  pole_wire: ["Crew sent with a ladder and jumpers", "Site inspection scheduled today"],
  meter_jumping: ["Check meter to be installed", "Meter testing team informed"],
  meter_reading: ["Meter reader asked to revisit", "Reading history pulled from billing"],
  bill_generation: ["Billing clerk checking the account", "Bill sent for revision"],
  connection_transfer: ["Documents under verification", "Field verification requested"],
};

const FIX_NOTES: Record<CategoryId, string[]> = {
  supply_cut: [
    "HT fuse replaced at the DT",
    "Jumper repaired, supply restored",
    "LT cable joint redone",
    "Feeder tripping cleared, supply restored",
  ],
  pole_wire: [
    "Sagging conductor re-tensioned",
    "Broken pole replaced",
    "Loose wire secured and insulated",
  ],
  meter_jumping: [
    "Meter tested; faulty meter replaced",
    "Check meter found the meter fast; bill revised",
  ],
  meter_reading: [
    "Actual reading taken and bill corrected",
    "Average billing replaced by actual reading",
  ],
  bill_generation: ["Bill revised and sent by SMS", "Bill generated after master data correction"],
  connection_transfer: ["Name changed in billing master", "Load and name transfer completed"],
};

export function startNote(r: Rng, c: CategoryId): string {
  return r.pick(START_NOTES[c]);
}

export function fixNote(r: Rng, c: CategoryId): string {
  return r.pick(FIX_NOTES[c]);
}
