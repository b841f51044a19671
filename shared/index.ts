export * from "./domain.js";
export * from "./network.js";
export * from "./tickets.js";
export * from "./counts.js";
export * from "./live.js";
export * from "./schemas.js";
export * from "./officers.js";
export * from "./channels.js";
