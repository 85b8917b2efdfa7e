export * from "./generated/index.generated.js";
