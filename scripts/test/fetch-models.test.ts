/**
 * `pnpm models`' fetching: every file it writes has the pinned sha256, whichever source gave it; a source with
 * other bytes is never used; what could not be had is reported with what was tried.
 */
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { type AddressInfo, createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { fetchModels } from "../models/fetch-models.js";
import { downloadUrl, type Manifest } from "../models/manifest.js";

const bytes = (text: string) => new TextEncoder().encode(text);
const sha256 = (text: string) => createHash("sha256").update(bytes(text)).digest("hex");

// Made before the first test, not at import: a file whose tests are all filtered out runs no hooks to remove it.
let temp: string;
beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), "emrkit-models-test-"));
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

// A repository host on loopback: serves `served` by path and counts requests.
const served = new Map<string, string>();
const requests: string[] = [];
let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push(request.url!);
    const body = served.get(request.url!);
    response.writeHead(body === undefined ? 404 : 200).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const manifest = (files: Record<string, string>): Manifest => ({
  sources: { repo: { repository: "https://github.com/owner/repo", commit: "c0ffee" } },
  models: Object.entries(files).map(([file, text]) => ({
    file,
    source: "repo",
    path: `data/${file}`,
    sha256: sha256(text),
  })),
});

let into: string;
let local: string;
beforeEach(() => {
  into = mkdtempSync(join(temp, "into-"));
  local = mkdtempSync(join(temp, "local-"));
  served.clear();
  requests.length = 0;
});
const urlOf = (_: unknown, path: string) => `${base}/${path}`;
const put = (dir: string, file: string, text: string) => {
  mkdirSync(join(dir, file, ".."), { recursive: true });
  writeFileSync(join(dir, file), text);
};

describe("fetchModels", () => {
  test("GitHub serves a commit's file at raw.githubusercontent.com/<owner>/<repo>/<commit>/<path>", () => {
    expect(
      downloadUrl({ repository: "https://github.com/boto/botocore", commit: "0e6e" }, "botocore/data/x.json"),
    ).toBe("https://raw.githubusercontent.com/boto/botocore/0e6e/botocore/data/x.json");
  });

  test("copies from the local folder when it holds the pinned bytes, without downloading", async () => {
    put(local, "botocore/a.json", "A");
    const report = await fetchModels(manifest({ "botocore/a.json": "A" }), { into, localDir: local, urlOf });
    expect(report).toMatchObject({ copied: 1, downloaded: 0, missing: [] });
    expect(readFileSync(join(into, "botocore/a.json"), "utf8")).toBe("A");
    expect(requests).toEqual([]);
  });

  test("a local file with other bytes is not used: the pinned one is downloaded instead", async () => {
    put(local, "a.json", "A, edited");
    served.set("/data/a.json", "A");
    const report = await fetchModels(manifest({ "a.json": "A" }), { into, localDir: local, urlOf });
    expect(report).toMatchObject({ copied: 0, downloaded: 1, missing: [] });
    expect(readFileSync(join(into, "a.json"), "utf8")).toBe("A");
  });

  test("a download with other bytes is refused and reported, and nothing is written", async () => {
    served.set("/data/a.json", "not A");
    const report = await fetchModels(manifest({ "a.json": "A" }), { into, localDir: local, urlOf });
    expect(report.missing.map((m) => m.tried)).toEqual([
      [`${join(local, "a.json")}: absent`, `${base}/data/a.json: sha256 ${sha256("not A")}, pinned ${sha256("A")}`],
    ]);
    expect(() => readFileSync(join(into, "a.json"))).toThrow(/ENOENT/);
  });

  test("a file already there is kept when it has the pinned bytes and replaced when not", async () => {
    put(into, "a.json", "A");
    put(into, "b.json", "half of B");
    put(local, "b.json", "B");
    const report = await fetchModels(manifest({ "a.json": "A", "b.json": "B" }), { into, localDir: local, urlOf });
    expect(report).toMatchObject({ kept: 1, copied: 1, missing: [] });
    expect(readFileSync(join(into, "b.json"), "utf8")).toBe("B");
  });

  test("a host that drops the connection is not asked again for every model, and each says what was tried", async () => {
    let connections = 0;
    const dropping = createNetServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => dropping.listen(0, "127.0.0.1", resolve));
    const port = (dropping.address() as AddressInfo).port;
    try {
      const files = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`m${i}.json`, `M${i}`]));
      const report = await fetchModels(manifest(files), {
        into,
        urlOf: (_, path) => `http://127.0.0.1:${port}/${path}`,
      });
      expect(report.missing).toHaveLength(40);
      const m0 = report.missing.find((m) => m.model.file === "m0.json")!;
      expect(m0.tried[0]).toBe("EMRKIT_MODELS_DIR: not set");
      expect(m0.tried[1]).toMatch(new RegExp(`^http://127.0.0.1:${port}/data/m0.json: \\S`));
      // Only the downloads already under way when the first one failed reached the host (8 run at a time).
      expect(connections).toBeLessThanOrEqual(8);
    } finally {
      await new Promise<void>((resolve) => dropping.close(() => resolve()));
    }
  });
});
