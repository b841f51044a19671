import { CATEGORY_IDS, type CategoryId } from "../../../shared/domain.js";

/**
 * Okabe-Ito colours, safe for the common colour-vision deficiencies; every chart also names each
 * series in text (legend, labels, a data table), so colour is never the only cue.
 */
export const CATEGORY_COLOURS: Record<CategoryId | "uncategorised", string> = {
  supply_cut: "#0072b2",
  pole_wire: "#d55e00",
  meter_jumping: "#cc79a7",
  meter_reading: "#f0e442",
  bill_generation: "#009e73",
  connection_transfer: "#56b4e9",
  uncategorised: "#9aa4b5",
};

export const CATEGORY_KEYS = [...CATEGORY_IDS, "uncategorised"] as const;

export const AXIS = { tick: "#a3afc2", line: "#2a3650", grid: "#222c40", text: "#e9eef6" };
export const AVERAGE_COLOUR = "#ffffff";
