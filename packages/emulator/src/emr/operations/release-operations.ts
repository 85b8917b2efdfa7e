import { validateDescribeReleaseLabelInput, validateListReleaseLabelsInput } from "@emrkit/dsl";
import { invalidRequest, validationError } from "../emr-error.js";
import { RELEASES } from "../release-labels.js";
import type { Operation } from "./operation.js";

/**
 * The releases the emulator knows (release-labels.ts), newest first. ListReleaseLabels filters on a label prefix
 * and on an application ("spark" or "Spark@3.5.0", name and version as ReleaseLabelFilter words it), pages with
 * NextToken and MaxResults (API reference, ListReleaseLabels); DescribeReleaseLabel without a label describes the
 * newest, as the API reference says.
 */
export const RELEASE_OPERATIONS: Record<string, Operation> = {
  ListReleaseLabels: {
    validator: validateListReleaseLabelsInput,
    run: (_e, b) => {
      const prefix = b.Filters?.Prefix as string | undefined;
      const [app, version] = String(b.Filters?.Application ?? "").split("@");
      const labels = RELEASES.filter((r) => {
        if (prefix !== undefined && !r.label.startsWith(prefix)) return false;
        if (!app) return true;
        const found = r.applications[app.toLowerCase()];
        return found !== undefined && (version === undefined || found === version);
      }).map((r) => r.label);
      return tokenPage("ReleaseLabels", labels, b.NextToken, b.MaxResults);
    },
  },
  DescribeReleaseLabel: {
    validator: validateDescribeReleaseLabelInput,
    run: (_e, b) => {
      const label = (b.ReleaseLabel as string | undefined) ?? RELEASES[0]!.label;
      const release = RELEASES.find((r) => r.label === label);
      // The words are a guess; EMR documents none for a release it does not have.
      if (!release) throw invalidRequest(`The release label ${label} is not valid.`);
      const applications = Object.entries(release.applications).map(([Name, Version]) => ({ Name, Version }));
      return {
        ReleaseLabel: release.label,
        ...tokenPage("Applications", applications, b.NextToken, b.MaxResults),
        AvailableOSReleases: [],
      };
    },
  },
};

/** A page of `max` items (all by default), the next page's start as NextToken. */
function tokenPage<T>(key: string, items: readonly T[], token: unknown, max: unknown) {
  if (token !== undefined && !(typeof token === "string" && /^\d{1,6}$/.test(token))) {
    throw validationError(`NextToken ${JSON.stringify(token)} is not one this endpoint gave.`);
  }
  const from = token === undefined ? 0 : Number(token);
  const size = typeof max === "number" ? max : items.length;
  const page = items.slice(from, from + size);
  return from + size < items.length ? { [key]: page, NextToken: String(from + size) } : { [key]: page };
}
