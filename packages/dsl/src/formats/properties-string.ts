import type { KeyValue } from "../generated/types.generated.js";
import { FormatError } from "./format-error.js";

/** The CLI's `Properties` string: "k1=v1,k2,k3=a=b" → Key/Value pairs (no "=" means an empty value). */
export function parsePropertiesString(text: string): KeyValue[] {
  return text.split(",").map((pair) => {
    const at = pair.indexOf("=");
    return at < 0 ? { Key: pair, Value: "" } : { Key: pair.slice(0, at), Value: pair.slice(at + 1) };
  });
}

/** The inverse of `parsePropertiesString`; throws when a pair cannot be written so that it reads back the same. */
export function formatPropertiesString(properties: readonly KeyValue[], where: string): string {
  if (properties.length === 0) throw new FormatError(`${where}.Properties is an empty list, which the CLI cannot send`);
  return properties
    .map((p, i) => {
      const key = p.Key ?? "";
      const value = p.Value ?? "";
      if (key.includes("=") || key.includes(",") || value.includes(",")) {
        throw new FormatError(
          `${where}.Properties[${i}] has "=" or "," where the CLI's "k=v,k2=v2" string cannot hold it`,
        );
      }
      if (p.Key === undefined || p.Value === undefined) {
        throw new FormatError(`${where}.Properties[${i}] lacks a Key or Value, which the CLI always sends`);
      }
      return `${key}=${value}`;
    })
    .join(",");
}
