export * from "./generated/index.generated.js";
export * from "./rules/limits.js";
