import { useId, useMemo } from "react";
import { UNIT_KIND_LABELS, type UnitKind } from "../../../shared/domain.js";
import type { Unit } from "../../../shared/network.js";
import type { Language } from "../../i18n/index.js";
import { placeName } from "../../i18n/format.js";

export interface UnitPickerProps {
  units: ReadonlyMap<string, Unit> | null;
  /** Selected unit id ("" or undefined: the whole network). */
  value: string | undefined;
  onChange: (unitId: string | undefined) => void;
  label: string;
  wholeNetwork: string;
  lng: Language;
  /** Kinds offered, coarse to fine (default: state to circle). */
  kinds?: readonly UnitKind[];
}

const DEFAULT_KINDS: readonly UnitKind[] = ["state", "discom", "zone", "circle"];

/** A plain select of units, grouped by kind: keyboard-friendly and works on every phone. */
export function UnitPicker(props: UnitPickerProps) {
  const { units, value, onChange, label, wholeNetwork, lng, kinds = DEFAULT_KINDS } = props;
  const id = useId();
  const groups = useMemo(() => {
    if (!units) return [];
    return kinds.map((kind) => ({
      kind,
      units: [...units.values()]
        .filter((u) => u.kind === kind)
        .sort((a, b) => placeName(a, lng).localeCompare(placeName(b, lng), lng)),
    }));
  }, [units, kinds, lng]);
  return (
    <div className="unit-picker">
      <label htmlFor={id} className="unit-picker__label">
        {label}
      </label>
      <select
        id={id}
        className="unit-picker__select"
        value={value ?? ""}
        disabled={!units}
        onChange={(e) => onChange(e.target.value || undefined)}
        data-testid="unit-picker"
      >
        <option value="">{wholeNetwork}</option>
        {groups.map((g) => (
          <optgroup key={g.kind} label={UNIT_KIND_LABELS[g.kind][lng]}>
            {g.units.map((u) => (
              <option key={u.id} value={u.id}>
                {placeName(u, lng)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
