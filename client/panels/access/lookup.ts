/**
 * What the call centre typed into "find a ticket": a caller's phone (8 to 15 digits, spaces,
 * dashes or a leading +) is looked up as `phone`, anything else as a ticket number (`q`).
 */
export function lookupQuery(input: string): { phone: string } | { q: string } | null {
  const v = input.trim();
  if (!v) return null;
  const digits = v.replace(/[\s-]/g, "");
  if (/^\+?\d{8,15}$/.test(digits)) return { phone: v };
  return { q: v.toUpperCase() };
}
