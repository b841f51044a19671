import { useCallback, useState } from "react";
import type { TicketAction } from "../../shared/schemas.js";
import type { TicketSummary } from "../../shared/tickets.js";
import type { TicketListItem } from "../api/types.js";
import { useUnitSearch } from "../api/useUnitSearch.js";
import type { NetworkIndex } from "../live/network.js";
import { TriageCard } from "../panels/tickets/TriageCard.js";
import { CategoriseForm, FeederPicker } from "../panels/tickets/TriageForms.js";
import { useTicketAction } from "./useTicketAction.js";

export interface TriageRowProps {
  ticket: TicketListItem;
  places: NetworkIndex | null;
  now: number;
  /** Called with the ticket after a successful correction. */
  onChanged(ticket: TicketSummary): void;
}

/** One queue entry with its own feeder search and action state. */
export function TriageRow({ ticket, places, now, onChanged }: TriageRowProps) {
  const [query, setQuery] = useState("");
  const search = useUnitSearch(query, "feeder");
  const noop = useCallback(() => {}, []);
  const runner = useTicketAction(ticket.number, noop);
  const submit = (action: TicketAction) => {
    void runner.run(action).then((updated) => {
      if (updated) onChanged(updated);
    });
  };
  const common = (type: "categorise" | "place") => ({
    busy: runner.busy === type,
    error: runner.failure?.type === type ? runner.failure.error : null,
    onSubmit: submit,
  });
  const id = ticket.number.toLowerCase();
  return (
    <li className="triage-queue__item">
      <TriageCard ticket={ticket} places={places} now={now}>
        {runner.notice && (
          <p className="notice" role="status">
            {runner.notice}
          </p>
        )}
        {ticket.category === null && (
          <CategoriseForm
            key={`c:${runner.formKey}`}
            {...common("categorise")}
            idPrefix={id}
            current={null}
            suggested={ticket.suggestedCategory ?? null}
          />
        )}
        {ticket.feederId === null && (
          <FeederPicker
            key={`p:${runner.formKey}`}
            {...common("place")}
            idPrefix={id}
            query={query}
            onQueryChange={setQuery}
            results={search.results}
            searching={search.searching}
            searchError={search.error}
          />
        )}
      </TriageCard>
    </li>
  );
}
