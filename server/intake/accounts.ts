import type { ConsumerRow, Store } from "../store/store.js";

/**
 * The 10-digit numbers in a message, separators between digits removed ("12345 67890" counts).
 * Phone numbers look the same, so callers check each against the consumer table.
 */
export function tenDigitNumbersIn(text: string): string[] {
  const joined = text.replace(/(\d)[\s-](?=\d)/g, "$1");
  return [...joined.matchAll(/(?<!\d)\d{10}(?!\d)/g)].map((m) => m[0]);
}

/** The first consumer whose account number appears in the text, if any. */
export async function consumerInText(store: Store, text: string): Promise<ConsumerRow | undefined> {
  for (const candidate of tenDigitNumbersIn(text).slice(0, 5)) {
    const consumer = await store.findConsumer(candidate);
    if (consumer) return consumer;
  }
  return undefined;
}
