/**
 * The generated EMR shapes against @aws-sdk/client-emr, checked by tsc: every operation input we build goes
 * straight into the SDK, and every output the SDK returns reads with our types. A drift between the model and the
 * SDK fails here.
 */
import type * as Sdk from "@aws-sdk/client-emr";
import { expectTypeOf, test } from "vitest";
import type * as Ours from "../src/generated/types.generated.js";

test("operation inputs are assignable to the SDK's", () => {
  expectTypeOf<Ours.AddJobFlowStepsInput>().toExtend<Sdk.AddJobFlowStepsInput>();
  expectTypeOf<Ours.ListStepsInput>().toExtend<Sdk.ListStepsInput>();
  expectTypeOf<Ours.DescribeStepInput>().toExtend<Sdk.DescribeStepInput>();
  expectTypeOf<Ours.CancelStepsInput>().toExtend<Sdk.CancelStepsInput>();
  expectTypeOf<Ours.DescribeClusterInput>().toExtend<Sdk.DescribeClusterInput>();
  expectTypeOf<Ours.ListClustersInput>().toExtend<Sdk.ListClustersInput>();
  expectTypeOf<Ours.RunJobFlowInput>().toExtend<Sdk.RunJobFlowInput>();
  expectTypeOf<Ours.TerminateJobFlowsInput>().toExtend<Sdk.TerminateJobFlowsInput>();
  expectTypeOf<Ours.ModifyClusterInput>().toExtend<Sdk.ModifyClusterInput>();
});

test("the SDK's outputs are assignable to ours", () => {
  expectTypeOf<Sdk.AddJobFlowStepsOutput>().toExtend<Ours.AddJobFlowStepsOutput>();
  expectTypeOf<Sdk.ListStepsOutput>().toExtend<Ours.ListStepsOutput>();
  expectTypeOf<Sdk.DescribeStepOutput>().toExtend<Ours.DescribeStepOutput>();
  expectTypeOf<Sdk.CancelStepsOutput>().toExtend<Ours.CancelStepsOutput>();
  expectTypeOf<Sdk.DescribeClusterOutput>().toExtend<Ours.DescribeClusterOutput>();
  expectTypeOf<Sdk.ListClustersOutput>().toExtend<Ours.ListClustersOutput>();
  expectTypeOf<Sdk.RunJobFlowOutput>().toExtend<Ours.RunJobFlowOutput>();
  expectTypeOf<Sdk.ModifyClusterOutput>().toExtend<Ours.ModifyClusterOutput>();
});

test("the step shapes users write are the SDK's", () => {
  expectTypeOf<Ours.StepConfig>().toExtend<Sdk.StepConfig>();
  expectTypeOf<Ours.HadoopJarStepConfig>().toExtend<Sdk.HadoopJarStepConfig>();
  expectTypeOf<Ours.ActionOnFailure>().toEqualTypeOf<Sdk.ActionOnFailure>();
});
