/** Indian mobile numbers reduced to one form, so the same person matches across channels. */
export function normalisePhone(phone: string | undefined | null): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, "");
  // Indian mobiles: keep the 10-digit national number so +91 / 0 prefixes match the same person.
  return digits.length > 10 && (digits.startsWith("91") || digits.startsWith("0"))
    ? digits.slice(-10)
    : digits;
}
