import { useRef, useState } from "react";
import type { WhoToCall } from "../../shared/public.js";
import {
  checkLookup,
  lookupWhoToCall,
  normaliseLookup,
  PublicError,
  type LookupBy,
} from "./OutagesApi.js";

/** The "who to call" lookup's state: busy, the answer, or the problem (a PublicError kind). */
export function useWhoToCall() {
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<WhoToCall | null>(null);
  const [problem, setProblem] = useState<PublicError | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  const lookup = async (by: LookupBy, raw: string) => {
    const value = normaliseLookup(by, raw);
    const invalid = checkLookup(by, value);
    if (invalid) {
      setAnswer(null);
      setProblem(new PublicError(invalid, "checked before asking"));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      setAnswer(await lookupWhoToCall(by, value));
      requestAnimationFrame(() => resultRef.current?.focus());
    } catch (err) {
      setAnswer(null);
      setProblem(err instanceof PublicError ? err : new PublicError("server", String(err)));
    } finally {
      setBusy(false);
    }
  };
  return { busy, answer, problem, lookup, resultRef };
}
