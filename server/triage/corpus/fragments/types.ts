/**
 * Hand-written fragments the corpus builder composes. Template syntax: "{a|b|c}" picks one
 * alternative; <h> hours, <d> days, <n> a small count, <amt> an amount, <units> units, <read> a
 * meter reading, <acct> an account number, <kw> a load in kW.
 */
export interface Cores {
  /** Consumer's own words in Devanagari Hindi (Bhojpuri-tinged included). */
  hi: string[];
  /** Consumer's own words in romanised Hindi. */
  hinglish: string[];
  /** Consumer's own words in Indian English. */
  en: string[];
  /** 1912 agent notes in English, third person ("Caller reports ..."). */
  agentEn: string[];
  /** 1912 agent notes in romanised Hindi ("Caller ne bataya ..."). */
  agentHl: string[];
}
