// One PRNG for the whole project: the network generator's (same algorithm, same streams).
import { mulberry32 } from "../network/geo.js";

export { mulberry32 };

/** A stable 32-bit hash of a string (FNV-1a), for splits that do not move when the corpus grows. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function shuffle<T>(items: T[], rand: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
