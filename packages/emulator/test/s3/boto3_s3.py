"""boto3 against the local S3 endpoint: put/get/list/paginate/multipart/presigned GET and S3's error codes.
Prints one JSON object of what it saw; the test (boto3.test.ts) checks it. Usage: boto3_s3.py <s3 endpoint>."""
import hashlib
import json
import sys
import urllib.request

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

endpoint = sys.argv[1]
s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1")
seen = {}


def code(call):
    try:
        call()
        return None
    except ClientError as e:
        return [e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"]]


s3.create_bucket(Bucket="pyb")
put = s3.put_object(Bucket="pyb", Key="a/b.txt", Body=b"hello", ContentType="text/plain", Metadata={"k": "v"})
got = s3.get_object(Bucket="pyb", Key="a/b.txt")
seen["put_get"] = {
    "etag": put["ETag"],
    "body": got["Body"].read().decode(),
    "type": got["ContentType"],
    "meta": got["Metadata"],
}

for i in range(7):
    s3.put_object(Bucket="pyb", Key=f"many/{i:02d}", Body=str(i).encode())
pages = s3.get_paginator("list_objects_v2").paginate(Bucket="pyb", Prefix="many/", PaginationConfig={"PageSize": 3})
seen["paginate"] = [[o["Key"] for o in page.get("Contents", [])] for page in pages]
v1 = s3.get_paginator("list_objects").paginate(Bucket="pyb", Delimiter="/", PaginationConfig={"PageSize": 1})
seen["list_v1_prefixes"] = [p["Prefix"] for page in v1 for p in page.get("CommonPrefixes", [])]

part = b"x" * (5 * 1024 * 1024)
mp = s3.create_multipart_upload(Bucket="pyb", Key="mp.bin", ContentType="application/x-test")
e1 = s3.upload_part(Bucket="pyb", Key="mp.bin", UploadId=mp["UploadId"], PartNumber=1, Body=part)["ETag"]
e2 = s3.upload_part(Bucket="pyb", Key="mp.bin", UploadId=mp["UploadId"], PartNumber=2, Body=b"tail")["ETag"]
listed = s3.list_parts(Bucket="pyb", Key="mp.bin", UploadId=mp["UploadId"])
done = s3.complete_multipart_upload(
    Bucket="pyb",
    Key="mp.bin",
    UploadId=mp["UploadId"],
    MultipartUpload={"Parts": [{"PartNumber": 1, "ETag": e1}, {"PartNumber": 2, "ETag": e2}]},
)
md5s = hashlib.md5(hashlib.md5(part).digest() + hashlib.md5(b"tail").digest()).hexdigest()
head = s3.head_object(Bucket="pyb", Key="mp.bin")
seen["multipart"] = {
    "parts": [p["Size"] for p in listed["Parts"]],
    "etag_ok": done["ETag"] == f'"{md5s}-2"',
    "size": head["ContentLength"],
    "type": head["ContentType"],
}
small = s3.create_multipart_upload(Bucket="pyb", Key="small.bin")
s1 = s3.upload_part(Bucket="pyb", Key="small.bin", UploadId=small["UploadId"], PartNumber=1, Body=b"1")["ETag"]
s2 = s3.upload_part(Bucket="pyb", Key="small.bin", UploadId=small["UploadId"], PartNumber=2, Body=b"2")["ETag"]
seen["too_small"] = code(
    lambda: s3.complete_multipart_upload(
        Bucket="pyb",
        Key="small.bin",
        UploadId=small["UploadId"],
        MultipartUpload={"Parts": [{"PartNumber": 1, "ETag": s1}, {"PartNumber": 2, "ETag": s2}]},
    )
)
s3.abort_multipart_upload(Bucket="pyb", Key="small.bin", UploadId=small["UploadId"])
seen["aborted"] = code(lambda: s3.list_parts(Bucket="pyb", Key="small.bin", UploadId=small["UploadId"]))

# boto3's default presigned URL is SigV2 (AWSAccessKeyId, Expires, Signature); with s3v4, X-Amz-* parameters.
v4 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1", config=Config(signature_version="s3v4"))
for name, client in [("presigned_v2", s3), ("presigned_v4", v4)]:
    url = client.generate_presigned_url("get_object", Params={"Bucket": "pyb", "Key": "a/b.txt"}, ExpiresIn=60)
    with urllib.request.urlopen(url) as r:
        body = r.read().decode()
    try:
        urllib.request.urlopen(url.replace("a/b.txt", "a/other.txt"))
        tampered = None
    except urllib.error.HTTPError as e:
        tampered = [e.code, "SignatureDoesNotMatch" in e.read().decode()]
    seen[name] = {"body": body, "sigv4": "X-Amz-Signature" in url, "tampered": tampered}

seen["errors"] = {
    "no_key": code(lambda: s3.get_object(Bucket="pyb", Key="none")),
    "no_bucket": code(lambda: s3.get_object(Bucket="nobucket", Key="x")),
    "dotdot": code(lambda: s3.put_object(Bucket="pyb", Key="../../etc/x", Body=b"x")),
}
print(json.dumps(seen))
