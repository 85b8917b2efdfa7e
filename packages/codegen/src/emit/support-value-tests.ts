/**
 * The part of `validation-support.generated.ts` that tests values the plain `typeof` tests cannot: timestamps in
 * their wire formats, JSON documents, structural equality for `@uniqueItems`, the byte length of blob text, and the
 * inputs the SDK takes for streaming blobs and event streams. Emitted as text, after validation-support.ts.
 */
import { DATE_TIME, HTTP_DATE, MAX_EPOCH_SECONDS } from "./timestamp-forms.js";

export const VALUE_TESTS = `
/** A timestamp's wire format (Smithy \`@timestampFormat\`; https://smithy.io/2.0/spec/protocol-traits.html#timestampformat-trait). */
export type TimestampFormat = "date-time" | "epoch-seconds" | "http-date";

/** The range of a JavaScript Date (ECMA-262 TimeClip: ±8.64e15 ms), in seconds: a later epoch is no instant. */
const MAX_EPOCH_SECONDS = ${MAX_EPOCH_SECONDS.toExponential().replace("e+", "e")};
/** RFC 3339 section 5.6 date-time: what the SDK writes for date-time (\`toISOString()\`), offsets as RFC 3339 allows. */
const DATE_TIME = /${DATE_TIME.source}/;
/** RFC 7231 section 7.1.1.1 IMF-fixdate: what the SDK writes for http-date (\`dateToUtcString\`). */
const HTTP_DATE = /${HTTP_DATE.source}/;
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * What the SDK takes for a timestamp: a valid Date, or the form it would itself put on the wire for the format
 * (epoch seconds as a number; date-time or http-date text), with a real calendar day and time of day. The SDK's
 * serialisers (@smithy/core protocols/json JsonShapeSerializer, @aws-sdk/core QueryShapeSerializer) format a Date
 * by the member's format and pass any other value through as it is, so anything else reaches the service as
 * something it cannot parse.
 */
export function isTimestamp(value: unknown, format: TimestampFormat): boolean {
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  if (format === "epoch-seconds") {
    return typeof value === "number" && Number.isFinite(value) && Math.abs(value) <= MAX_EPOCH_SECONDS;
  }
  if (typeof value !== "string") return false;
  if (format === "date-time") {
    const m = DATE_TIME.exec(value);
    if (m === null || !isCalendarTime(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +m[6]!)) return false;
    return m[7] === undefined || (+m[7] <= 23 && +m[8]! <= 59);
  }
  const m = HTTP_DATE.exec(value);
  if (m === null) return false;
  const year = +m[4]!;
  const month = MONTHS.indexOf(m[3]!) + 1;
  const day = +m[2]!;
  if (!isCalendarTime(year, month, day, +m[5]!, +m[6]!, +m[7]!)) return false;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCDay() === DAYS.indexOf(m[1]!);
}

/** A day that exists in the proleptic Gregorian calendar and a time of day; second 60 is a leap second (RFC 3339). */
function isCalendarTime(year: number, month: number, day: number, hour: number, minute: number, second: number): boolean {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 60) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= days;
}

/** Where a value stops being a JSON document, and why; undefined when it is one. */
export interface DocumentProblem {
  readonly path: (string | number)[];
  readonly reason: string;
}

/**
 * A document is a JSON value: null, a boolean, a finite number, a string, an array or a plain object of documents,
 * without cycles. An object member that is undefined is absent, as JSON.stringify has it; anything else is refused
 * (a function, a bigint, NaN or Infinity, a Map, a Date, a class instance, an undefined array item).
 */
export function documentProblem(value: unknown, depth = 0, seen: object[] = []): DocumentProblem | undefined {
  if (value === null || typeof value === "string" || typeof value === "boolean") return undefined;
  if (typeof value === "number") return Number.isFinite(value) ? undefined : { path: [], reason: \`\${value} is not a JSON number\` };
  if (typeof value !== "object") return { path: [], reason: \`\${describeType(value)} is not JSON\` };
  if (seen.includes(value)) return { path: [], reason: "the value contains itself" };
  if (depth + seen.length > MAX_NESTING) return { path: [], reason: \`it is nested more than \${MAX_NESTING} levels deep\` };
  if (!Array.isArray(value) && !isObject(value)) return { path: [], reason: \`\${describeType(value)} is not JSON\` };
  seen.push(value);
  let found: DocumentProblem | undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length && found === undefined; i++) {
      found = value[i] === undefined ? { path: [], reason: "undefined is not JSON" } : documentProblem(value[i], depth, seen);
      if (found !== undefined) found = { path: [i, ...found.path], reason: found.reason };
    }
  } else {
    for (const key of Object.keys(value)) {
      const item = value[key];
      found = item === undefined ? undefined : documentProblem(item, depth, seen);
      if (found !== undefined) {
        found = { path: [key, ...found.path], reason: found.reason };
        break;
      }
    }
  }
  seen.pop();
  return found;
}

/** True when two items of the list are equal as data (Smithy \`@uniqueItems\`): key order does not matter. */
export function hasDuplicates(items: readonly unknown[]): boolean {
  if (items.length < 2) return false;
  const seen = new Set<string>();
  for (const item of items) {
    const key = canonical(item, 0);
    if (seen.has(key)) return true;
    seen.add(key);
  }
  return false;
}

/** One text per distinct value: strings quoted, object keys sorted, absent (undefined) members dropped. */
function canonical(value: unknown, depth: number): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "bigint") return \`\${value}n\`;
  if (typeof value !== "object" || value === null) return String(value);
  // Past the nesting limit the item has already been reported; stop rather than loop on a cycle.
  if (depth > MAX_NESTING) return "~";
  if (value instanceof Date) return \`D\${value.getTime()}\`;
  if (value instanceof Uint8Array) return \`B\${value.join(",")}\`;
  if (Array.isArray(value)) return \`[\${value.map((item) => canonical(item, depth + 1)).join(",")}]\`;
  const keys = Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined).sort();
  return \`{\${keys.map((k) => \`\${JSON.stringify(k)}:\${canonical((value as Record<string, unknown>)[k], depth + 1)}\`).join(",")}}\`;
}

/**
 * The length of blob data in bytes, the unit of \`@length\` on a blob (https://smithy.io/2.0/spec/constraint-traits.html#length-trait).
 * Text is sent as its UTF-8 bytes: the SDK's serialisers pass a string through \`toBase64\`, which encodes it as UTF-8
 * first (@smithy/util-base64); a lone surrogate becomes U+FFFD, three bytes.
 */
export function byteLength(value: string | Uint8Array): number {
  if (typeof value !== "string") return value.length;
  let bytes = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < value.length && (value.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

const hasMethod = (value: object, name: string) => typeof (value as Record<string, unknown>)[name] === "function";

/**
 * What the SDK's streaming blob input types take (StreamingBlobPayloadInputTypes in @smithy/types): a Uint8Array
 * (a Node Buffer is one), a string, a Node Readable, a web ReadableStream or a Blob. Told apart by their methods,
 * so the test needs neither Node's nor the DOM's types.
 */
export function isStreamingBlob(value: unknown): boolean {
  if (value instanceof Uint8Array || typeof value === "string") return true;
  if (typeof value !== "object" || value === null) return false;
  if (hasMethod(value, "pipe") && hasMethod(value, "on")) return true;
  if (hasMethod(value, "getReader")) return true;
  return hasMethod(value, "arrayBuffer") && hasMethod(value, "stream") && typeof (value as { size?: unknown }).size === "number";
}

/** An event stream's input: the SDK takes an AsyncIterable of events and reads it as the request goes out. */
export function isAsyncIterable(value: unknown): boolean {
  return typeof value === "object" && value !== null && typeof (value as Record<symbol, unknown>)[Symbol.asyncIterator] === "function";
}
`;
