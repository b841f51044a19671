/**
 * A small well-formedness check for the flat XML Open311 answers with (no attributes, comments or
 * CDATA): one root, every element closed in order, no bare `<` or `&` in text. Enough to catch an
 * unescaped value or a broken nesting without an XML parser dependency.
 */
export function wellFormed(xml: string): boolean {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, "").trim();
  const stack: string[] = [];
  let roots = 0;
  const token = /<(\/?)([A-Za-z_][\w.-]*)>|([^<]+)|(<)/g;
  for (const m of body.matchAll(token)) {
    const [, closing, name, text, stray] = m;
    if (stray) return false;
    if (text !== undefined) {
      if (stack.length === 0) return false;
      if (/&(?!(amp|lt|gt|quot|apos);)/.test(text)) return false;
      continue;
    }
    if (closing) {
      if (stack.pop() !== name) return false;
    } else {
      if (stack.length === 0) roots++;
      stack.push(name);
    }
  }
  return stack.length === 0 && roots === 1;
}
