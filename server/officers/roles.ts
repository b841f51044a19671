export * from "../../shared/officers.js";
