/**
 * Seeded randomness for the simulator: the same seed and start instant give the same stream of
 * reports.
 */

// One PRNG for the whole project: the network generator's (same algorithm, same streams).
import { mulberry32 } from "../network/geo.js";

export { mulberry32 };

/**
 * Mixes numbers and labels into one 32-bit seed (FNV-1a over the parts), so independent streams
 * (arrivals, storms, texts) can be derived from one user seed without sharing draws.
 */
export function hashSeed(...parts: (number | string)[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const s = typeof part === "number" ? part.toString(36) : part;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    h ^= 0x7c;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export class Rng {
  private readonly draw: () => number;

  constructor(seed: number) {
    this.draw = mulberry32(seed);
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.draw();
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.draw() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.draw() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("Rng.pick from an empty list");
    return items[Math.floor(this.draw() * items.length)];
  }

  /** A key drawn with probability proportional to its weight (keys in insertion order, so reproducible). */
  weighted<K extends string>(weights: Readonly<Partial<Record<K, number>>>): K {
    const keys = Object.keys(weights) as K[];
    let total = 0;
    for (const k of keys) total += weights[k] ?? 0;
    let r = this.draw() * total;
    for (const k of keys) {
      r -= weights[k] ?? 0;
      if (r < 0) return k;
    }
    return keys[keys.length - 1];
  }

  /** Exponential waiting time for a process with `rate` events per unit time. */
  exp(rate: number): number {
    return -Math.log(1 - this.draw()) / rate;
  }

  /** Standard normal (Box-Muller), for GPS jitter. */
  normal(): number {
    const u = 1 - this.draw();
    const v = this.draw();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A string of `n` random decimal digits (leading zeros allowed). */
  digits(n: number): string {
    let s = "";
    for (let i = 0; i < n; i++) s += Math.floor(this.draw() * 10).toString();
    return s;
  }

  /** Fisher-Yates on a copy. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.draw() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
}
