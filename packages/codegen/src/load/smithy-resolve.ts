/** Resolves what Smithy spreads across shapes — `apply` statements, mixins, resources — so each shape reads whole. */

import { isObject } from "./load-model.js";
import type { Fail, Raw, Traits } from "./smithy-ast.js";
import { refs, T, traitsOf } from "./smithy-ast.js";

/** Applies `apply` statements (traits added to a shape or member from elsewhere) and drops them. */
export function applyStatements(shapes: Record<string, unknown>, fail: Fail): Map<string, Raw> {
  const out = new Map<string, Raw>();
  for (const [id, shape] of Object.entries(shapes)) {
    if (!isObject(shape) || typeof shape.type !== "string") fail("a shape must be an object with a type", id);
    if (shape.type !== "apply") out.set(id, shape);
  }
  for (const [id, shape] of Object.entries(shapes) as [string, Raw][]) {
    if (shape.type !== "apply") continue;
    const [shapeId, memberName] = id.split("$") as [string, string | undefined];
    const target = out.get(shapeId) ?? fail(`apply targets ${shapeId}, which is not defined`, id);
    const extra = traitsOf(shape);
    if (memberName === undefined) {
      out.set(shapeId, { ...target, traits: { ...traitsOf(target), ...extra } });
    } else {
      const members = isObject(target.members) ? target.members : {};
      const member = members[memberName];
      if (!isObject(member)) fail(`apply targets member ${memberName}, which is not defined`, shapeId);
      const merged = { ...member, traits: { ...traitsOf(member), ...extra } };
      out.set(shapeId, { ...target, members: { ...members, [memberName]: merged } });
    }
  }
  return out;
}

/** A shape with its mixins' members and traits copied in, mixins first; its own traits win. */
export function applyMixins(id: string, shape: Raw, resolve: (id: string) => Raw, fail: Fail): Raw {
  if (!Array.isArray(shape.mixins) || shape.mixins.length === 0) return shape;
  let members: Raw = {};
  let traits: Traits = {};
  for (const ref of shape.mixins) {
    if (!isObject(ref) || typeof ref.target !== "string") fail("a mixin must name a target", id);
    const mixin = resolve(ref.target as string);
    const { [T.mixin]: mixinTrait, ...inherited } = traitsOf(mixin);
    // `localTraits` stay on the mixin (smithy.io/2.0/spec/mixins.html#mixin-local-traits).
    const local = isObject(mixinTrait) && Array.isArray(mixinTrait.localTraits) ? mixinTrait.localTraits : [];
    for (const trait of local) delete inherited[trait as string];
    traits = { ...traits, ...inherited };
    members = { ...members, ...(isObject(mixin.members) ? mixin.members : {}) };
  }
  const own = isObject(shape.members) ? shape.members : {};
  for (const [name, member] of Object.entries(own)) {
    const before = members[name];
    // A member redeclared to add traits keeps the mixin's traits under its own.
    members[name] =
      isObject(before) && isObject(member)
        ? { ...before, ...member, traits: { ...traitsOf(before), ...traitsOf(member) } }
        : member;
  }
  return { ...shape, members, traits: { ...traits, ...traitsOf(shape) } };
}

export function operationIds(serviceId: string, raw: Map<string, Raw>, fail: Fail): string[] {
  const found = new Set<string>();
  const visit = (id: string, seen: Set<string>) => {
    if (seen.has(id)) return;
    seen.add(id);
    const shape = raw.get(id) ?? fail(`refers to ${id}, which is not defined`, serviceId);
    for (const key of ["operations", "collectionOperations"]) {
      for (const ref of refs(shape[key])) found.add(ref);
    }
    for (const key of ["create", "put", "read", "update", "delete", "list"]) {
      if (isObject(shape[key]) && typeof (shape[key] as Raw).target === "string")
        found.add((shape[key] as Raw).target as string);
    }
    for (const ref of refs(shape.resources)) visit(ref, seen);
  };
  visit(serviceId, new Set());
  for (const id of found) if (!raw.has(id)) fail(`refers to ${id}, which is not defined`, serviceId);
  return [...found];
}
