/**
 * Shape names are kept as the model spells them. The few that would shadow a global type the generated code itself
 * uses get a trailing underscore.
 */
const RESERVED = new Set([
  "Array",
  "Date",
  "Map",
  "Object",
  "Promise",
  "Readonly",
  "Record",
  "Uint8Array",
  "ReadonlyArray",
]);

export function typeName(shape: string): string {
  return RESERVED.has(shape) ? `${shape}_` : shape;
}

/** A property key as TypeScript needs it: bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}
