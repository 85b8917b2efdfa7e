import { DescribeClusterCommand } from "@aws-sdk/client-emr";
import { describe, expect, it } from "vitest";
import { MAX_BODY_BYTES, startEmulator } from "../src/index.js";
import { cluster, emulator, run } from "./support.js";

async function post(endpoint: string, target: string | undefined, body: string) {
  const res = await fetch(endpoint, {
    method: "POST",
    headers: { "content-type": "application/x-amz-json-1.1", ...(target ? { "x-amz-target": target } : {}) },
    body,
  });
  return { status: res.status, body: (await res.json()) as { __type: string; Message: string } };
}

describe("the awsJson1_1 protocol and bad input", () => {
  it("answers each kind of bad request with EMR's error and keeps serving", async () => {
    const { emu, client } = await emulator();
    const id = await cluster(client);
    const add = "ElasticMapReduce.AddJobFlowSteps";
    expect((await post(emu.endpoint, add, "{not json")).body.__type).toBe("SerializationException");
    expect((await post(emu.endpoint, "ElasticMapReduce.Nope", "{}")).body.__type).toBe("UnknownOperationException");
    expect((await post(emu.endpoint, undefined, "{}")).body.__type).toBe("UnknownOperationException");
    expect((await post(emu.endpoint, add, "x".repeat(MAX_BODY_BYTES + 1))).status).toBe(413);
    const missing = await post(emu.endpoint, add, JSON.stringify({ JobFlowId: id }));
    expect(missing.body).toEqual({ __type: "ValidationException", Message: "Steps: is required" });
    const wrongType = await post(emu.endpoint, add, JSON.stringify({ JobFlowId: id, Steps: "no" }));
    expect(wrongType.body.Message).toMatch(/^Steps: must be a list/);
    const unknown = await post(emu.endpoint, add, JSON.stringify({ JobFlowId: "j-NOPE", Steps: [] }));
    expect(unknown.body).toEqual({ __type: "ValidationException", Message: "Specified job flow ID does not exist." });
    const { Cluster } = await client.send(new DescribeClusterCommand({ ClusterId: id }));
    expect(Cluster!.Id).toBe(id);
  });

  it("holds RunJobFlow's steps to the same rules as added ones", async () => {
    const { client } = await emulator();
    const tooLong = run("long", ["echo", "x".repeat(6_000), "y".repeat(6_000)]);
    await expect(cluster(client, { steps: [tooLong] })).rejects.toMatchObject({
      name: "ValidationException",
      message: expect.stringMatching(/^Steps\[0\]\.HadoopJarStep: .*10240/),
    });
    const terminating = run("end", ["true"], "TERMINATE_CLUSTER");
    await expect(cluster(client, { concurrency: 2, steps: [terminating] })).rejects.toMatchObject({
      name: "ValidationException",
    });
  });

  it("listens on loopback by default and refuses other hosts unless told", async () => {
    const { emu } = await emulator();
    expect(emu.host).toBe("127.0.0.1");
    await expect(startEmulator({ host: "0.0.0.0" })).rejects.toThrow(/refusing to listen on 0.0.0.0/);
  });
});
