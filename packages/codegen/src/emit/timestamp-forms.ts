/**
 * The text forms of a timestamp the validators accept, by format: one definition for the generated support
 * module's `isTimestamp` and for the JSON Schema's `pattern`. Both are deterministic (one way through for any
 * text), so a backtracking engine runs them in linear time.
 */

/** The range of a JavaScript Date (ECMA-262 TimeClip: ±8.64e15 ms), in seconds: a later epoch is no instant. */
export const MAX_EPOCH_SECONDS = 8.64e12;
/** RFC 3339 section 5.6 date-time: what the SDK writes for date-time (`toISOString()`), offsets as RFC 3339 allows. */
export const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;
/** RFC 7231 section 7.1.1.1 IMF-fixdate: what the SDK writes for http-date (`dateToUtcString`). */
export const HTTP_DATE =
  /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
