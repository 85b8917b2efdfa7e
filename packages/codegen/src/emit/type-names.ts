/**
 * The TypeScript names of shapes. Shape names are kept as the model spells them, except those that cannot be
 * declared (`string`, `boolean`: TypeScript's own type names and keywords) or that would shadow a name the generated
 * files themselves use (`Date`, `Map`, the support module's `Validator` and `Predicate`, the types prelude's
 * `DocumentValue`, …): those get a trailing underscore. A name that already ends in underscores after a reserved
 * one (`Date_`) gets one more, so the renaming never maps two model names to one TypeScript name, and it depends on
 * nothing but the name: stable across runs, services and formats. The docs keep the model's name.
 */
import { TYPES_PRELUDE } from "./types-prelude.js";
import { VALIDATION_SUPPORT } from "./validation-support.js";

/** TypeScript's predefined type names and the words that cannot name a declaration (or do so only confusingly). */
const LANGUAGE = `any unknown never string number boolean symbol bigint object void undefined null this
  break case catch class const continue debugger default delete do else enum export extends false finally for
  function if import in instanceof new return super switch throw true try typeof var while with implements
  interface let package private protected public static yield await arguments eval type declare namespace module
  as keyof infer is asserts readonly unique global of satisfies accessor out require exports`;

/**
 * Global types the types file refers to. Shape names appear bare only there (validators are `validate<Name>`),
 * so only the type names it uses can be shadowed; `String` or `Number` can stay as they are.
 */
const GLOBALS = "Array ReadonlyArray Date Map Object Promise Readonly Record Uint8Array AsyncIterable";

/** The registries of the validators file. */
const VALIDATORS_EXPORTS = "validators predicates";

const exportedNames = (text: string) =>
  [...text.matchAll(/^export (?:declare )?(?:function|const|let|type|interface|class) (\w+)/gm)].map((m) => m[1]!);

const RESERVED = new Set(
  [LANGUAGE, GLOBALS, VALIDATORS_EXPORTS]
    .flatMap((list) => list.split(/\s+/))
    .concat(exportedNames(VALIDATION_SUPPORT), exportedNames(TYPES_PRELUDE))
    .filter((n) => n !== ""),
);

/** The module-scope constants of the validators file (module-constants.ts): PATTERN0, ENUM3, … */
const CONSTANT = /^(?:PATTERN|ENUM|VALUES|MEMBERS)\d+$/;

export function typeName(shape: string): string {
  const base = shape.replace(/_+$/, "");
  return RESERVED.has(base) || CONSTANT.test(base) ? `${shape}_` : shape;
}

/** True when the shape's TypeScript name is not the model's, so the docs must say what the model calls it. */
export function isRenamed(shape: string): boolean {
  return typeName(shape) !== shape;
}

/** A property key as TypeScript needs it: bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}
