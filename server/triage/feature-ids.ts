/**
 * The categoriser's hot path. extractFeatures builds a few hundred strings per complaint and the
 * model looks each one up: more than half of triage's CPU. Complaints are new texts made of the
 * same few thousand words, so each word's own features (its word, character grams and phonetic
 * key) are turned into ids once and remembered; per text only the word pairs are looked up, and
 * distinct ids are kept with a stamp array instead of a set of strings.
 *
 * The ids come out in exactly extractFeatures' order, with the same count (features the model
 * does not know get ids past its own), so the model's sums are the same to the last bit.
 */
import { gramsOf, PLACEHOLDERS } from "./features.js";
import { normaliseForModel, phoneticKey, words } from "./normalise.js";

interface WordIds {
  text: string;
  word: number;
  /** The character grams' ids, then the phonetic key's (the order extractFeatures adds them). */
  own: Int32Array;
  /** The key pairs are built from (null when the word has none). */
  key: string | null;
  /** Ids of the pairs this word starts, by the next word and by the next word's key. */
  pairs: Map<string, number>;
  keyPairs: Map<string, number>;
}

/**
 * How many ids beyond the model's own, and how many words and pairs, are remembered before all
 * start again empty (a few tens of megabytes at most; a day's complaints use far fewer).
 */
const LIMITS = { extra: 200_000, entries: 300_000 };

export class FeatureIds {
  /** Features the model does not know, met since the last reset (ids after the model's own). */
  private extra = new Map<string, number>();
  private byWord = new Map<string, WordIds>();
  private stamp = new Int32Array(1 << 16);
  private epoch = 0;
  /** Words and pairs remembered since the last reset. */
  private entries = 0;

  constructor(
    /** The model's own features and their ids (LinearModel.index). */
    private readonly knownIds: ReadonlyMap<string, number>,
    private readonly limits = LIMITS,
  ) {}

  /** The distinct feature ids of `text`, in extractFeatures' order. */
  of(text: string): number[] {
    if (this.extra.size > this.limits.extra || this.entries > this.limits.entries) this.reset();
    if (++this.epoch === 0x7fffffff) {
      this.stamp.fill(0);
      this.epoch = 1;
    }
    const out: number[] = [];
    let prev: WordIds | null = null;
    let prevKeyed: WordIds | null = null;
    for (const w of words(normaliseForModel(text))) {
      const own = this.wordIds(w);
      this.add(own.word, out);
      if (prev) this.add(this.pair(prev.pairs, "b:", prev.text, w), out);
      prev = own;
      for (let i = 0; i < own.own.length; i++) this.add(own.own[i], out);
      if (own.key !== null) {
        if (prevKeyed) this.add(this.pair(prevKeyed.keyPairs, "kb:", prevKeyed.key!, own.key), out);
        prevKeyed = own;
      }
    }
    return out;
  }

  /** The id of the pair feature `<prefix><first>_<second>`, remembered on the first word. */
  private pair(known: Map<string, number>, prefix: string, first: string, second: string): number {
    let id = known.get(second);
    if (id === undefined) {
      id = this.id(prefix + first + "_" + second);
      known.set(second, id);
      this.entries++;
    }
    return id;
  }

  private add(id: number, out: number[]): void {
    if (id >= this.stamp.length) {
      const grown = new Int32Array(Math.max(id + 1, this.stamp.length * 2));
      grown.set(this.stamp);
      this.stamp = grown;
    }
    if (this.stamp[id] === this.epoch) return;
    this.stamp[id] = this.epoch;
    out.push(id);
  }

  private wordIds(w: string): WordIds {
    let found = this.byWord.get(w);
    if (found) return found;
    const placeholder = PLACEHOLDERS.has(w);
    const key = placeholder ? w : phoneticKey(w);
    const own = placeholder ? [] : gramsOf(w).map((g) => this.id(g));
    if (key) own.push(this.id("k:" + key));
    found = {
      text: w,
      word: this.id("w:" + w),
      own: Int32Array.from(own),
      key: key || null,
      pairs: new Map(),
      keyPairs: new Map(),
    };
    this.byWord.set(w, found);
    this.entries++;
    return found;
  }

  private id(feature: string): number {
    const known = this.knownIds.get(feature);
    if (known !== undefined) return known;
    let id = this.extra.get(feature);
    if (id === undefined) {
      id = this.knownIds.size + this.extra.size;
      this.extra.set(feature, id);
    }
    return id;
  }

  /** Forgets the words, pairs and extra features (the words' ids may point at forgotten extras). */
  private reset(): void {
    this.extra = new Map();
    this.byWord = new Map();
    this.entries = 0;
  }
}
