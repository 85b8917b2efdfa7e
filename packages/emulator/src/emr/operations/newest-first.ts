import { LIST_STEPS_PAGE_SIZE } from "@emrkit/dsl";
import { invalidRequest } from "../emr-error.js";

/**
 * A page of 50 items, newest first, as ListSteps and ListClusters give them. The marker is the position (counted
 * from the oldest item) where the next page starts, so items added between two pages neither repeat nor shift
 * what a caller has not read yet. Only the items up to the end of the page are looked at, however many there are.
 */
export function newestFirst<K, T>(
  key: "Steps" | "Clusters",
  items: readonly K[],
  get: (item: K) => T,
  wanted: (item: T) => boolean,
  show: (item: T) => unknown,
  marker: unknown,
) {
  if (marker !== undefined && !(typeof marker === "string" && /^\d{1,15}$/.test(marker))) {
    throw invalidRequest(`Marker ${JSON.stringify(marker)} is not one this endpoint gave.`);
  }
  const last = items.length - 1;
  let i = marker === undefined ? last : Math.min(Number(marker), last);
  const page: unknown[] = [];
  for (; i >= 0; i--) {
    const item = get(items[i]!);
    if (!wanted(item)) continue;
    if (page.length === LIST_STEPS_PAGE_SIZE) return { [key]: page, Marker: String(i) };
    page.push(show(item));
  }
  return { [key]: page };
}
