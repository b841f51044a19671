/** The shape of a corpus line (generated.jsonl, handwritten.jsonl) and how to read the corpus. */
import { readFileSync, existsSync } from "node:fs";
import type { Label } from "../model.js";

export type Lang = "hi" | "hinglish" | "en" | "mixed";

export interface CorpusRecord {
  id: string;
  text: string;
  label: Label;
  lang: Lang;
  channel: "call_centre" | "x" | "whatsapp" | "app" | "portal";
  /** District English name, or null. */
  district: string | null;
  /** Examples from one template (or one hand-written line) share a group; splits keep groups whole. */
  group: string;
}

export function readJsonl<T>(path: string | URL): T[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim().length > 0)
    .map((l) => JSON.parse(l) as T);
}

/** The training corpus: generated and hand-written lines. The shared sample is not in it. */
export function readCorpus(): CorpusRecord[] {
  return [
    ...readJsonl<CorpusRecord>(new URL("./generated.jsonl", import.meta.url)),
    ...readJsonl<CorpusRecord>(new URL("./handwritten.jsonl", import.meta.url)),
  ];
}

/** The shared, labelled sample: held out, for evaluation only. */
export interface SampleRecord {
  id: string;
  text: string;
  category: Label;
  lang: Lang;
  district: string | null;
}

export function readHeldOutSample(): SampleRecord[] {
  return readJsonl<SampleRecord>(new URL("./sample-heldout.jsonl", import.meta.url));
}
