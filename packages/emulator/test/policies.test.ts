/**
 * Managed scaling and auto-termination policies with the SDK v3 (API reference, Put/Get/RemoveManagedScalingPolicy
 * and Put/Get/RemoveAutoTerminationPolicy): put, given back as put, replaced, removed; RunJobFlow's own is the first.
 */
import {
  GetAutoTerminationPolicyCommand,
  GetManagedScalingPolicyCommand,
  PutAutoTerminationPolicyCommand,
  PutManagedScalingPolicyCommand,
  RemoveAutoTerminationPolicyCommand,
  RemoveManagedScalingPolicyCommand,
  RunJobFlowCommand,
} from "@aws-sdk/client-emr";
import { describe, expect, it } from "vitest";
import { cluster, emulator } from "./support.js";

const limits = (min: number, max: number) => ({
  ComputeLimits: { UnitType: "Instances" as const, MinimumCapacityUnits: min, MaximumCapacityUnits: max },
});

describe("managed scaling policy", () => {
  it("is put, given back as put, replaced whole and removed", async () => {
    const { client } = await emulator();
    const id = await cluster(client);
    expect(
      (await client.send(new GetManagedScalingPolicyCommand({ ClusterId: id }))).ManagedScalingPolicy,
    ).toBeUndefined();
    await client.send(new PutManagedScalingPolicyCommand({ ClusterId: id, ManagedScalingPolicy: limits(2, 10) }));
    expect((await client.send(new GetManagedScalingPolicyCommand({ ClusterId: id }))).ManagedScalingPolicy).toEqual(
      limits(2, 10),
    );
    await client.send(new PutManagedScalingPolicyCommand({ ClusterId: id, ManagedScalingPolicy: limits(1, 3) }));
    expect((await client.send(new GetManagedScalingPolicyCommand({ ClusterId: id }))).ManagedScalingPolicy).toEqual(
      limits(1, 3),
    );
    await client.send(new RemoveManagedScalingPolicyCommand({ ClusterId: id }));
    expect(
      (await client.send(new GetManagedScalingPolicyCommand({ ClusterId: id }))).ManagedScalingPolicy,
    ).toBeUndefined();
  });

  it("starts as RunJobFlow's; refuses limits with no room between them, and an unknown cluster", async () => {
    const { client } = await emulator();
    const { JobFlowId } = await client.send(
      new RunJobFlowCommand({
        Name: "scaled",
        Instances: { KeepJobFlowAliveWhenNoSteps: true },
        ManagedScalingPolicy: limits(1, 4),
      }),
    );
    expect(
      (await client.send(new GetManagedScalingPolicyCommand({ ClusterId: JobFlowId }))).ManagedScalingPolicy,
    ).toEqual(limits(1, 4));
    await expect(
      client.send(new PutManagedScalingPolicyCommand({ ClusterId: JobFlowId, ManagedScalingPolicy: limits(5, 4) })),
    ).rejects.toThrow(/MinimumCapacityUnits \(5\) must not be greater than MaximumCapacityUnits \(4\)/);
    expect(
      (await client.send(new GetManagedScalingPolicyCommand({ ClusterId: JobFlowId }))).ManagedScalingPolicy,
    ).toEqual(limits(1, 4));
    await expect(
      client.send(new GetManagedScalingPolicyCommand({ ClusterId: "j-NOSUCHCLUSTER" })),
    ).rejects.toMatchObject({
      name: "InvalidRequestException",
    });
  });
});

describe("auto-termination policy", () => {
  it("is put, given back as put, replaced and removed", async () => {
    const { client } = await emulator();
    const id = await cluster(client);
    expect(
      (await client.send(new GetAutoTerminationPolicyCommand({ ClusterId: id }))).AutoTerminationPolicy,
    ).toBeUndefined();
    await client.send(
      new PutAutoTerminationPolicyCommand({ ClusterId: id, AutoTerminationPolicy: { IdleTimeout: 3600 } }),
    );
    expect((await client.send(new GetAutoTerminationPolicyCommand({ ClusterId: id }))).AutoTerminationPolicy).toEqual({
      IdleTimeout: 3600,
    });
    await client.send(
      new PutAutoTerminationPolicyCommand({ ClusterId: id, AutoTerminationPolicy: { IdleTimeout: 60 } }),
    );
    expect((await client.send(new GetAutoTerminationPolicyCommand({ ClusterId: id }))).AutoTerminationPolicy).toEqual({
      IdleTimeout: 60,
    });
    await client.send(new RemoveAutoTerminationPolicyCommand({ ClusterId: id }));
    expect(
      (await client.send(new GetAutoTerminationPolicyCommand({ ClusterId: id }))).AutoTerminationPolicy,
    ).toBeUndefined();
  });

  it("starts as RunJobFlow's; refuses an IdleTimeout outside 60 to 604800 seconds", async () => {
    const { client } = await emulator();
    const { JobFlowId } = await client.send(
      new RunJobFlowCommand({
        Name: "idle",
        Instances: { KeepJobFlowAliveWhenNoSteps: true },
        AutoTerminationPolicy: { IdleTimeout: 900 },
      }),
    );
    const get = () => client.send(new GetAutoTerminationPolicyCommand({ ClusterId: JobFlowId }));
    expect((await get()).AutoTerminationPolicy).toEqual({ IdleTimeout: 900 });
    for (const IdleTimeout of [59, 604_801]) {
      await expect(
        client.send(
          new PutAutoTerminationPolicyCommand({ ClusterId: JobFlowId, AutoTerminationPolicy: { IdleTimeout } }),
        ),
      ).rejects.toThrow(new RegExp(`IdleTimeout: ${IdleTimeout} is not between 60 and 604800 seconds`));
    }
    await client.send(
      new PutAutoTerminationPolicyCommand({ ClusterId: JobFlowId, AutoTerminationPolicy: { IdleTimeout: 604_800 } }),
    );
    expect((await get()).AutoTerminationPolicy).toEqual({ IdleTimeout: 604_800 });
  });
});
