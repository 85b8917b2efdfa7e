"""What boto3 sees of the emulator's EMR operations, as a user's script or test suite would call them.

Usage: python3 boto3_conformance.py ENDPOINT. Credentials come from the environment. Runs each check and prints one
JSON object: for each check, what it observed (or {"error": ...} if boto3 raised where it should not have). The
TypeScript test (conformance.test.ts) holds the expectations.
"""
import datetime
import json
import sys
import traceback

import boto3
from botocore.exceptions import ClientError

ENDPOINT = sys.argv[1]


def emr(region="us-east-1"):
    return boto3.client("emr", endpoint_url=ENDPOINT, region_name=region)


def wait_running(client, cluster):
    client.get_waiter("cluster_running").wait(ClusterId=cluster, WaiterConfig={"Delay": 1, "MaxAttempts": 30})


def refusal(call):
    try:
        call()
    except ClientError as error:
        return {"code": error.response["Error"]["Code"], "message": error.response["Error"]["Message"],
                "errorCode": error.response.get("ErrorCode")}
    return "not refused"


def make_cluster(client, **extra):
    request = {
        "Name": "conformance",
        "ReleaseLabel": "emr-7.1.0",
        "Instances": {
            "KeepJobFlowAliveWhenNoSteps": True,
            "Ec2KeyName": "my-key",
            "Ec2SubnetId": "subnet-1",
            "InstanceGroups": [
                {"Name": "Primary", "InstanceRole": "MASTER", "InstanceType": "m5.xlarge", "InstanceCount": 1},
                {"Name": "Core", "InstanceRole": "CORE", "InstanceType": "m5.2xlarge", "InstanceCount": 2},
            ],
        },
        "Applications": [{"Name": "Spark"}],
        "Configurations": [{"Classification": "spark-defaults", "Properties": {"spark.executor.memory": "2g"}}],
        "BootstrapActions": [{"Name": "setup", "ScriptBootstrapAction": {"Path": "s3://boot/setup.sh", "Args": ["-v"]}}],
        "Tags": [{"Key": "team", "Value": "data"}],
        "JobFlowRole": "EMR_EC2_DefaultRole",
        "ServiceRole": "EMR_DefaultRole",
        "SecurityConfiguration": "at-rest",
        "CustomAmiId": "ami-0123456789abcdef0",
        "EbsRootVolumeSize": 20,
    }
    request.update(extra)
    return client.run_job_flow(**request)["JobFlowId"]


def describe_cluster():
    client = emr()
    cluster = make_cluster(client)
    wait_running(client, cluster)
    described = client.describe_cluster(ClusterId=cluster)["Cluster"]
    keys = ["Name", "ReleaseLabel", "Applications", "Configurations", "Tags", "ServiceRole", "SecurityConfiguration",
            "CustomAmiId", "EbsRootVolumeSize", "AutoTerminate", "TerminationProtected", "VisibleToAllUsers",
            "MasterPublicDnsName", "NormalizedInstanceHours", "ClusterArn", "InstanceCollectionType"]
    shown = {k: described.get(k) for k in keys}
    shown["Ec2InstanceAttributes"] = described["Ec2InstanceAttributes"]
    shown["State"] = described["Status"]["State"]
    shown["Id"] = cluster
    return shown


def instances():
    client = emr()
    cluster = make_cluster(client)
    wait_running(client, cluster)
    groups = client.list_instance_groups(ClusterId=cluster)["InstanceGroups"]
    listed = [i for page in client.get_paginator("list_instances").paginate(ClusterId=cluster) for i in page["Instances"]]
    core = client.list_instances(ClusterId=cluster, InstanceGroupTypes=["CORE"])["Instances"]
    added = client.add_instance_groups(
        JobFlowId=cluster,
        InstanceGroups=[{"Name": "Task", "InstanceRole": "TASK", "InstanceType": "c5.xlarge", "InstanceCount": 2}],
    )
    client.modify_instance_groups(
        ClusterId=cluster, InstanceGroups=[{"InstanceGroupId": added["InstanceGroupIds"][0], "InstanceCount": 4}])
    after = client.list_instance_groups(ClusterId=cluster)["InstanceGroups"]
    return {
        "groups": [[g["Name"], g["InstanceGroupType"], g["InstanceType"], g["RequestedInstanceCount"]] for g in groups],
        "instances": [[i["PrivateIpAddress"], i["InstanceType"], i["Status"]["State"]] for i in listed],
        "core": len(core),
        "bootstrap": client.list_bootstrap_actions(ClusterId=cluster)["BootstrapActions"],
        "afterResize": [[g["Name"], g["RequestedInstanceCount"]] for g in after],
        "fleetsRefused": refusal(lambda: client.list_instance_fleets(ClusterId=cluster)),
    }


def fleets():
    client = emr()
    cluster = client.run_job_flow(
        Name="fleets", ReleaseLabel="emr-7.1.0",
        Instances={"KeepJobFlowAliveWhenNoSteps": True, "InstanceFleets": [
            {"InstanceFleetType": "MASTER", "TargetOnDemandCapacity": 1, "InstanceTypeConfigs": [{"InstanceType": "m5.xlarge"}]},
            {"InstanceFleetType": "CORE", "TargetSpotCapacity": 2, "InstanceTypeConfigs": [{"InstanceType": "r5.xlarge"}]},
        ]})["JobFlowId"]
    wait_running(client, cluster)
    listed = client.list_instance_fleets(ClusterId=cluster)["InstanceFleets"]
    return {
        "fleets": [[f["InstanceFleetType"], f["ProvisionedOnDemandCapacity"], f["ProvisionedSpotCapacity"]] for f in listed],
        "groupsRefused": refusal(lambda: client.list_instance_groups(ClusterId=cluster)),
    }


def tags_and_settings():
    client = emr()
    cluster = make_cluster(client)
    client.add_tags(ResourceId=cluster, Tags=[{"Key": "team", "Value": "platform"}, {"Key": "cost", "Value": "1"}])
    client.remove_tags(ResourceId=cluster, TagKeys=["cost"])
    client.set_visible_to_all_users(JobFlowIds=[cluster], VisibleToAllUsers=False)
    client.set_termination_protection(JobFlowIds=[cluster], TerminationProtected=True)
    described = client.describe_cluster(ClusterId=cluster)["Cluster"]
    refused = refusal(lambda: client.terminate_job_flows(JobFlowIds=[cluster]))
    client.set_termination_protection(JobFlowIds=[cluster], TerminationProtected=False)
    client.terminate_job_flows(JobFlowIds=[cluster])
    client.get_waiter("cluster_terminated").wait(ClusterId=cluster, WaiterConfig={"Delay": 1, "MaxAttempts": 30})
    ended = client.describe_cluster(ClusterId=cluster)["Cluster"]["Status"]
    return {
        "tags": described["Tags"],
        "visible": described["VisibleToAllUsers"],
        "protected": described["TerminationProtected"],
        "terminateRefused": refused,
        "ended": [ended["State"], ended["StateChangeReason"].get("Code")],
    }


def steps_and_job_flows():
    client = emr()
    cluster = client.run_job_flow(
        Name="steps", ReleaseLabel="emr-7.1.0", Instances={"MasterInstanceType": "m5.xlarge", "InstanceCount": 1},
        Steps=[{"Name": "bare", "HadoopJarStep": {"Jar": "command-runner.jar", "Args": ["true"]}}])["JobFlowId"]
    client.get_waiter("cluster_terminated").wait(ClusterId=cluster, WaiterConfig={"Delay": 1, "MaxAttempts": 30})
    step = client.list_steps(ClusterId=cluster)["Steps"][0]
    status = client.describe_cluster(ClusterId=cluster)["Cluster"]["Status"]
    flow = client.describe_job_flows(JobFlowIds=[cluster])["JobFlows"][0]
    return {
        "actionOnFailure": step["ActionOnFailure"],
        "stepState": step["Status"]["State"],
        "reason": status["StateChangeReason"],
        "jobFlow": [flow["ExecutionStatusDetail"]["State"], flow["Instances"]["MasterInstanceType"],
                    [s["StepConfig"]["Name"] for s in flow["Steps"]]],
    }


def regions_and_listing():
    us, eu = emr("us-east-1"), emr("eu-west-1")
    before = datetime.datetime.now(datetime.timezone.utc)
    ours = make_cluster(eu)
    theirs = make_cluster(us)
    listed = lambda client, **f: [c["Id"] for c in client.list_clusters(**f)["Clusters"]]
    summary = eu.list_clusters()["Clusters"][0]
    return {
        "eu": listed(eu) == [ours],
        "usHasNotEu": ours not in listed(us) and theirs in listed(us),
        "createdAfter": listed(eu, CreatedAfter=before) == [ours],
        "createdBefore": listed(eu, CreatedBefore=before) == [],
        "summaryArn": summary["ClusterArn"],
        "summaryHours": summary["NormalizedInstanceHours"],
        "id": ours,
        "describeFromUs": refusal(lambda: us.describe_cluster(ClusterId=ours)),
    }


def release_labels():
    client = emr()
    return {
        "labels": client.list_release_labels(Filters={"Prefix": "emr-7.0"})["ReleaseLabels"],
        "spark": [a for a in client.describe_release_label(ReleaseLabel="emr-7.1.0")["Applications"] if a["Name"] == "spark"],
    }


def signatures():
    return {
        "mars": refusal(lambda: emr("mars-1").list_clusters()),
        "euWest1": "Clusters" in emr("eu-west-1").list_clusters(),
    }


CHECKS = [signatures, describe_cluster, instances, fleets, tags_and_settings, steps_and_job_flows, regions_and_listing,
          release_labels]

results = {}
for check in CHECKS:
    try:
        results[check.__name__] = check()
    except Exception as error:  # reported, so that one broken check does not hide the others
        results[check.__name__] = {"error": f"{type(error).__name__}: {error}", "trace": traceback.format_exc()}
print(json.dumps(results, default=str))
