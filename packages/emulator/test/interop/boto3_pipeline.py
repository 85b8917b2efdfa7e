"""A small pipeline run by boto3 against the emulator, as a user would run it against EMR.

Usage: python3 boto3_pipeline.py ENDPOINT. Credentials come from the environment. Prints one JSON object:
the cluster id, each step's final state as ListSteps shows it, and what DescribeStep says of the failed one.
"""
import json
import sys

import boto3

emr = boto3.client("emr", endpoint_url=sys.argv[1], region_name="us-east-1")
cluster = emr.run_job_flow(
    Name="boto3-pipeline",
    ReleaseLabel="emr-7.1.0",
    Instances={"KeepJobFlowAliveWhenNoSteps": True},
    StepConcurrencyLevel=1,
)["JobFlowId"]
emr.get_waiter("cluster_running").wait(ClusterId=cluster, WaiterConfig={"Delay": 1, "MaxAttempts": 30})


def command(name, *argv, on_failure="CONTINUE"):
    return {"Name": name, "ActionOnFailure": on_failure, "HadoopJarStep": {"Jar": "command-runner.jar", "Args": list(argv)}}


ids = emr.add_job_flow_steps(
    JobFlowId=cluster,
    Steps=[command("extract", "echo", "extracted"), command("transform", "sh", "-c", "exit 3"), command("load", "true")],
)["StepIds"]
emr.get_waiter("step_complete").wait(ClusterId=cluster, StepId=ids[0], WaiterConfig={"Delay": 1, "MaxAttempts": 30})
try:
    emr.get_waiter("step_complete").wait(ClusterId=cluster, StepId=ids[1], WaiterConfig={"Delay": 1, "MaxAttempts": 30})
    failed_waiter = "did not fail"
except Exception as error:  # the waiter fails on a FAILED step, which is what this step does
    failed_waiter = type(error).__name__
emr.get_waiter("step_complete").wait(ClusterId=cluster, StepId=ids[2], WaiterConfig={"Delay": 1, "MaxAttempts": 30})
steps = emr.list_steps(ClusterId=cluster)["Steps"]
failed = emr.describe_step(ClusterId=cluster, StepId=ids[1])["Step"]
emr.terminate_job_flows(JobFlowIds=[cluster])
print(
    json.dumps(
        {
            "cluster": cluster,
            "ids": ids,
            "listed": [[s["Id"], s["Name"], s["Status"]["State"]] for s in steps],
            "failedWaiter": failed_waiter,
            "failure": failed["Status"].get("FailureDetails", {}),
            "created": failed["Status"]["Timeline"]["CreationDateTime"].isoformat(),
        }
    )
)
