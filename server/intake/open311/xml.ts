/**
 * A tiny XML writer for Open311's flat documents (`<services><service>…`, `<service_requests>
 * <request>…`, `<errors><error>…`). Values are escaped; element names are our own constants and
 * are checked so a typo cannot produce a broken document.
 */

export type XmlScalar = string | number | boolean | null | undefined;
export type XmlNode = XmlScalar | XmlNode[] | { [name: string]: XmlNode };

/** Characters XML 1.0 does not allow at all (most C0 controls, lone surrogates, U+FFFE/FFFF). */
const INVALID = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXml(value: string): string {
  return value
    .replace(INVALID, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Names of the elements inside each list element, e.g. `{ services: "service" }`. */
export type ListItems = Record<string, string>;

function element(name: string, node: XmlNode, items: ListItems): string {
  if (!NAME.test(name)) throw new Error(`not an XML element name: ${name}`);
  if (node === null || node === undefined) return `<${name}></${name}>`;
  if (Array.isArray(node)) {
    const item = items[name] ?? "item";
    return `<${name}>${node.map((n) => element(item, n, items)).join("")}</${name}>`;
  }
  if (typeof node === "object")
    return `<${name}>${Object.entries(node)
      .map(([k, v]) => element(k, v, items))
      .join("")}</${name}>`;
  return `<${name}>${escapeXml(String(node))}</${name}>`;
}

/** A whole document with `root` as its element; lists use the item names given. */
export function xmlDocument(root: string, node: XmlNode, items: ListItems = {}): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, node, items)}\n`;
}
