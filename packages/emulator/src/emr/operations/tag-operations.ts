import { validateAddTagsInput, validateRemoveTagsInput } from "@emrkit/dsl";
import { ownedCluster } from "../cluster-owner.js";
import type { Tag } from "../records.js";
import type { Operation } from "./operation.js";

/**
 * Tags on a cluster (ResourceId is its id; EMR Studios, which can be tagged too, the emulator has none). AddTags
 * puts each key's new value in place of the old one, RemoveTags takes keys away, a key not there being no error
 * (API reference, AddTags and RemoveTags).
 */
export const TAG_OPERATIONS: Record<string, Operation> = {
  AddTags: {
    validator: validateAddTagsInput,
    run: (e, b, caller) => {
      const cluster = ownedCluster(e, caller, b.ResourceId);
      const added = b.Tags as Tag[];
      const keys = new Set(added.map((t) => t.Key));
      e.update(cluster, { tags: [...(cluster.tags ?? []).filter((t) => !keys.has(t.Key)), ...added] });
      return {};
    },
  },
  RemoveTags: {
    validator: validateRemoveTagsInput,
    run: (e, b, caller) => {
      const cluster = ownedCluster(e, caller, b.ResourceId);
      const removed = new Set(b.TagKeys as string[]);
      e.update(cluster, { tags: (cluster.tags ?? []).filter((t) => !removed.has(t.Key)) });
      return {};
    },
  },
};
