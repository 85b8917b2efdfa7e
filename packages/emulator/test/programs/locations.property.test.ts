/**
 * A step's locations and the paths they are kept at: locationOf gives back the location localLocation was given
 * (in its plain form: s3:// for s3n:// and s3a://, no trailing slash, hdfs:/// with no authority), for any bucket and
 * key that stay inside the root; a path outside both roots is named as it is.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { localLocation, locationOf, type Roots } from "../../src/emr/programs/locations.js";

const roots: Roots = { s3Root: "/data/s3", hdfsRoot: "/data/hdfs/j-1", workDir: "/work" };
const segment = fc.stringMatching(/^[A-Za-z0-9!_*'()=+,;:@&$ -][A-Za-z0-9!_*'().=+,;:@&$ -]{0,11}$/);
const bucket = fc.stringMatching(/^[a-z0-9][a-z0-9.-]{1,20}[a-z0-9]$/).filter((b) => !b.includes(".."));
const key = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join("/"));

describe("locationOf, the reverse of localLocation", () => {
  it("gives back s3://bucket/key for every scheme spelling, with or without a trailing slash", () => {
    fc.assert(
      fc.property(bucket, key, fc.constantFrom("s3", "s3n", "s3a"), fc.boolean(), (b, k, scheme, slash) => {
        const { path } = localLocation(roots, `${scheme}://${b}/${k}${slash ? "/" : ""}`);
        expect(locationOf(roots, path)).toBe(`s3://${b}/${k}`);
      }),
    );
  });

  it("gives back hdfs:///path for hdfs:// locations and scheme-less paths (under /user/hadoop when relative)", () => {
    fc.assert(
      fc.property(key, fc.constantFrom("hdfs:///", "hdfs://namenode:8020/", "/", ""), (k, prefix) => {
        const { path } = localLocation(roots, `${prefix}${k}`);
        expect(locationOf(roots, path)).toBe(prefix === "" ? `hdfs:///user/hadoop/${k}` : `hdfs:///${k}`);
      }),
    );
  });

  it("names a path outside both roots as it is, and a root's neighbour is not inside it", () => {
    expect(locationOf(roots, "/work/out.txt")).toBe("/work/out.txt");
    expect(locationOf(roots, "/data/s3x/b/k")).toBe("/data/s3x/b/k");
    expect(locationOf(roots, "/data/s3")).toBe("/data/s3");
  });
});
