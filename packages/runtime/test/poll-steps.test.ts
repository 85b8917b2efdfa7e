/**
 * One poll (poll-steps.ts): the real EMRClient against a loopback server that keeps a cluster's steps and answers
 * ListSteps as EMR documents it — newest first, 50 a page with a Marker, or the StepIds filter of at most 10 ids
 * (more is a ValidationException). What a poll must get right: every wanted step's summary and no other, in as few
 * calls as planPoll chose, and a newest-first listing read only as far back as the oldest wanted step.
 */
import type { StepSummary } from "@aws-sdk/client-emr";
import { describe, expect, it } from "vitest";
import { EmrCalls } from "../src/internal/emr-calls.js";
import { pollSteps } from "../src/internal/poll-steps.js";
import { loopbackEmr } from "./support/loopback-emr.js";

const PAGE = 50;
const MAX_IDS = 10;

interface ListStepsBody {
  ClusterId: string;
  StepIds?: string[];
  Marker?: string;
}

/** A cluster of `count` steps, s-0 the oldest; the ListSteps calls it was asked, in order. */
async function clusterWithSteps(count: number, run: { signal?: AbortSignal; failFirst?: boolean } = {}) {
  const newestFirst = Array.from({ length: count }, (_, i) => `s-${count - 1 - i}`);
  const asked: ListStepsBody[] = [];
  const client = await loopbackEmr((req, res) => {
    let text = "";
    req.setEncoding("utf8").on("data", (c: string) => {
      text += c;
    });
    req.on("end", () => {
      const body = JSON.parse(text) as ListStepsBody;
      asked.push(body);
      const answer = (status: number, json: unknown) =>
        res.writeHead(status, { "content-type": "application/x-amz-json-1.1" }).end(JSON.stringify(json));
      if (run.failFirst && asked.length === 1) return answer(500, { __type: "InternalServerError", Message: "busy" });
      if (body.StepIds !== undefined) {
        if (body.StepIds.length > MAX_IDS) {
          return answer(400, { __type: "ValidationException", Message: "StepIds: at most 10" });
        }
        return answer(200, { Steps: newestFirst.filter((id) => body.StepIds!.includes(id)).map(summary) });
      }
      const from = body.Marker === undefined ? 0 : Number(body.Marker);
      const next = from + PAGE < newestFirst.length ? String(from + PAGE) : undefined;
      answer(200, { Steps: newestFirst.slice(from, from + PAGE).map(summary), Marker: next });
    });
  });
  const emr = new EmrCalls(
    client,
    { retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 1 }, requestTimeoutMs: 5_000, signal: run.signal },
    () => {},
  );
  return { emr, asked };
}

const summary = (id: string): StepSummary => ({ Id: id, Name: `name of ${id}`, Status: { State: "RUNNING" } });
const ids = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `s-${from + i}`);
const sorted = (found: Map<string, StepSummary>) => [...found.keys()].sort();

describe("one poll of the wanted steps", () => {
  it("asks nothing when no step is wanted", async () => {
    const { emr, asked } = await clusterWithSteps(5);
    expect((await pollSteps(emr, "j-1", [], 5)).size).toBe(0);
    expect(asked).toEqual([]);
  });

  it("filters by id, at most 10 a call and each id once, when that is fewer calls than the pages", async () => {
    const { emr, asked } = await clusterWithSteps(200);
    const wanted = [...ids(0, 10), "s-150"]; // 12 ids: 2 filtered calls against 4 pages back to s-0
    const found = await pollSteps(emr, "j-1", wanted, 200);
    expect(sorted(found)).toEqual([...wanted].sort());
    expect(found.get("s-150")).toEqual(summary("s-150"));
    expect(asked.map((a) => a.StepIds?.length)).toEqual([10, 2]);
    expect(asked.flatMap((a) => a.StepIds ?? []).sort()).toEqual([...wanted].sort());
    expect(asked.every((a) => a.ClusterId === "j-1")).toBe(true);
  });

  it("reads newest-first pages only back to the oldest wanted step, and keeps only the wanted ones", async () => {
    const { emr, asked } = await clusterWithSteps(200);
    // 31 wanted among the newest 60: 4 filtered calls, or 2 pages (the second finds s-140, the oldest wanted).
    const wanted = [...ids(170, 199), "s-140"];
    const found = await pollSteps(emr, "j-1", wanted, 60);
    expect(sorted(found)).toEqual([...wanted].sort());
    expect(found.has("s-169")).toBe(false);
    expect(asked).toEqual([{ ClusterId: "j-1" }, { ClusterId: "j-1", Marker: "50" }]);
  });

  it("reads to the listing's end for a wanted step it no longer has, and leaves that step out", async () => {
    const { emr, asked } = await clusterWithSteps(120);
    const wanted = [...ids(100, 119), "s-gone"];
    const found = await pollSteps(emr, "j-1", wanted, 40);
    expect(sorted(found)).toEqual(ids(100, 119).sort());
    expect(asked.map((a) => a.Marker)).toEqual([undefined, "50", "100"]);
  });

  // A run aborted still polls: cancelling its steps needs their states, so a poll's reads are retried as ever.
  it("is retried after a server error even when the run was aborted", async () => {
    const { emr, asked } = await clusterWithSteps(20, { signal: AbortSignal.abort(), failFirst: true });
    const found = await pollSteps(emr, "j-1", ["s-3"], 20);
    expect(sorted(found)).toEqual(["s-3"]);
    expect(asked).toHaveLength(2);
  });
});
