import { invalidRequest } from "../emr-error.js";

/** Where EMR documents no page size for a list it pages with a Marker (ListInstances): its usual 50 (a guess). */
const PAGE_SIZE = 50;

/**
 * A page of items in the order they are given, for lists that are not newest first (instances). The marker is the
 * index of the next item.
 */
export function inOrder<T>(key: string, items: readonly T[], marker: unknown) {
  if (marker !== undefined && !(typeof marker === "string" && /^\d{1,15}$/.test(marker))) {
    throw invalidRequest(`Marker ${JSON.stringify(marker)} is not one this endpoint gave.`);
  }
  const from = marker === undefined ? 0 : Number(marker);
  const page = items.slice(from, from + PAGE_SIZE);
  return from + PAGE_SIZE < items.length ? { [key]: page, Marker: String(from + PAGE_SIZE) } : { [key]: page };
}
