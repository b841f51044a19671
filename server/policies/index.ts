/** The one place that decides who may see and do what; routes and the live hub ask only this. */
export { allows, disclosureFor, roleMay, type Ability, type Disclosure } from "./abilities.js";
export { canSeePath, canSeeUnit, defaultUnitFor } from "./units.js";
export { ANONYMOUS, systemViewer, type Viewer } from "./viewer.js";
export { liveLevelFor } from "./live.js";
export { mayPublishContacts, publicOfficerPhone } from "./public.js";
