import type { TicketChange } from "../events/bus.js";
import type { TicketRow } from "../store/store.js";
import { TicketError, type TicketContext } from "./context.js";
import { writeChange } from "./writer.js";
import { otpMatches, trackTokenMatches } from "./otp.js";

export interface Feedback {
  resolved: boolean;
  rating?: number;
  comment?: string;
  /** Where the answer came from: the public page, a WhatsApp/SMS reply, a feedback call. */
  via: string;
  /**
   * On /track, proof that the consumer is answering: the closure OTP or the link token only they
   * were sent (never anything a staff screen shows). A reply on the consumer's own channel needs none.
   */
  proof?: { otp: string } | { token: string };
  /** Who answered, as recorded on the events (the simulator's consumers say so). */
  actor?: string;
}

/**
 * The consumer's answer to "is it fixed?". Yes closes the ticket as confirmed; no reopens it and
 * counts a false closure against the officer who resolved it.
 */
export function giveFeedback(
  ctx: TicketContext,
  number: string,
  feedback: Feedback,
): Promise<{ ticket: TicketRow; changes: TicketChange[]; refusal?: TicketError }> {
  return ctx.writer.commit(async (tx) => {
    const t = await tx.getTicketByNumber(number);
    if (!t) throw new TicketError(404, "not_found", `no ticket ${number}`);
    const proof = feedback.proof;
    if (proof && "token" in proof && !trackTokenMatches(ctx.otpSecret, t.number, proof.token))
      throw new TicketError(404, "not_found", `no ticket ${number}`);
    if (t.status !== "resolved") {
      throw new TicketError(
        409,
        "not_awaiting_feedback",
        `ticket ${number} is not waiting for your confirmation (it is ${t.status})`,
        {
          status: t.status,
        },
      );
    }
    const at = ctx.clock.now().toISOString();
    if (proof && "otp" in proof) {
      // Tries count over the ticket's whole life, shared with the officer's OTP entry.
      const max = ctx.settings.get().otpMaxAttempts;
      const used = t.otp_attempts ?? 0;
      if (used >= max)
        throw new TicketError(423, "otp_locked", `too many wrong codes for ${t.number}`, {
          status: t.status,
        });
      if (!otpMatches(ctx.otpSecret, t.number, proof.otp, t.otp_hash)) {
        const left = max - used - 1;
        const change = await writeChange(tx, t, { ...t, otp_attempts: used + 1, updated_at: at }, [
          {
            type: "otp_failed",
            at,
            actor: "consumer",
            data: { attemptsLeft: left, via: feedback.via },
          },
        ]);
        return {
          ticket: change.after,
          changes: [change],
          refusal: new TicketError(422, "wrong_otp", "that is not the code you received", {
            attemptsLeft: left,
          }),
        };
      }
    }
    const data = {
      resolved: feedback.resolved,
      rating: feedback.rating ?? null,
      comment: feedback.comment ?? null,
      via: feedback.via,
    };
    const common = {
      feedback_resolved: feedback.resolved ? 1 : 0,
      feedback_rating: feedback.rating ?? null,
      updated_at: at,
    };
    const after: TicketRow = feedback.resolved
      ? { ...t, ...common, status: "closed", closure: "confirmed_feedback", closed_at: at }
      : {
          ...t,
          ...common,
          status: "reopened",
          resolved_at: null,
          confirm_by: null,
          false_closures: (t.false_closures ?? 0) + 1,
        };
    const actor = feedback.actor ?? "consumer";
    const events = [
      {
        type: "feedback",
        at,
        actor,
        data: feedback.resolved ? data : { ...data, falseClosureBy: t.resolved_by },
      },
      {
        type: "status_changed",
        at,
        actor,
        data: {
          from: "resolved",
          to: after.status,
          ...(feedback.resolved ? { closure: "confirmed_feedback" } : { falseClosure: true }),
        },
      },
    ];
    const change = await writeChange(tx, t, after, events);
    return { ticket: change.after, changes: [change] };
  });
}
