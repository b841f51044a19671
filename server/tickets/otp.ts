import { createHmac, randomInt, timingSafeEqual } from "node:crypto";

/**
 * The closure OTP (UPERC 2024: a complaint may be closed only with the OTP the consumer got when
 * filing). Stored as an HMAC keyed with a server secret and the ticket number, never in clear; the
 * small code space is protected by the attempt limit, not by the hash.
 */
export function newOtp(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

export function hashOtp(secret: string, ticketNumber: string, otp: string): string {
  return createHmac("sha256", secret).update(`${ticketNumber}:${otp}`).digest("hex");
}

export function otpMatches(
  secret: string,
  ticketNumber: string,
  otp: string,
  stored: string | null,
): boolean {
  if (!stored) return false;
  const a = Buffer.from(hashOtp(secret, ticketNumber, otp), "hex");
  const b = Buffer.from(stored, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The token in the /track link sent only to the consumer (ack and feedback request): proof, with
 * the OTP, that an answer on /track comes from them. Derived, not stored: HMAC of the number.
 */
export function trackToken(secret: string, ticketNumber: string): string {
  return createHmac("sha256", secret)
    .update(`track-link:${ticketNumber}`)
    .digest("base64url")
    .slice(0, 22);
}

export function trackTokenMatches(secret: string, ticketNumber: string, token: string): boolean {
  const a = Buffer.from(trackToken(secret, ticketNumber));
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The consumer's link to their ticket's page, with the token that lets them answer there. */
export function trackUrl(publicUrl: string, secret: string, ticketNumber: string): string {
  return `${publicUrl}/track?n=${ticketNumber}&t=${trackToken(secret, ticketNumber)}`;
}
