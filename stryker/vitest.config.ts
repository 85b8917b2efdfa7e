/**
 * The workspace's vitest config (../vitest.config.ts: the `@emrkit/source` condition, the models and no-litter
 * global setups) narrowed to the package that Stryker mutates, and without the type tests: Stryker runs the
 * tests of that package only, and `*.test-d.ts` files check types, which the TypeScript checker already does.
 */
import { defineConfig, mergeConfig } from "vitest/config";
import workspace from "../vitest.config.ts";
import { isMutatedPackage, SCOPES } from "./scopes.ts";

const name = process.env.EMRKIT_MUTATE_PACKAGE ?? "";
if (!isMutatedPackage(name)) throw new Error(`stryker/vitest.config.ts: no package to mutate named "${name}"`);

// mergeConfig concatenates arrays: the include list is replaced by hand.
const merged = mergeConfig(workspace, defineConfig({ test: { typecheck: { enabled: false } } }));
merged.test = { ...merged.test, include: [...SCOPES[name].tests] };
export default merged;
