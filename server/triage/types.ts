import type { CategoryId } from "../../shared/domain.js";

/** What the categoriser says of one text. `category` is null when the text should wait for a person. */
export interface Categorisation {
  category: CategoryId | null;
  /** The best label including "other" (not one of the six product categories). */
  label: CategoryId | "other";
  /** 0..1: the categoriser's belief in `label`. */
  confidence: number;
}

/** A place found in the text of a report. */
export interface PlaceMatch {
  districtId: string | null;
  /** The most specific unit named (substation or feeder), when the text names one. */
  unitId: string | null;
  /** The words in the text that matched. */
  matched: string | null;
}
