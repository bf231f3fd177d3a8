#!/usr/bin/env python3
"""Writes templates of adversarial shapes, each at a given size, for timing the commands.

    scripts/adversarial-shapes.py OUTDIR N

One JSON template per shape (OUTDIR/<shape>.json); the shapes match the ones the test suite
grows in Tests/TemplateDiffTests/AdversarialShapes.swift. Used by scripts/hostile-limits.sh.
"""
import json
import os
import sys


def bucket(extra=None):
    resource = {"Type": "AWS::S3::Bucket"}
    if extra:
        resource["Properties"] = extra
    return resource


def policy(statements):
    return {
        "Type": "AWS::S3::BucketPolicy",
        "Properties": {
            "Bucket": {"Ref": "Data"},
            "PolicyDocument": {"Version": "2012-10-17", "Statement": statements},
        },
    }


def statement(resource, action="s3:GetObject"):
    return {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
            "Action": action, "Resource": resource}


def shapes(n):
    yield "deep-conditions", {
        "Parameters": {"Flag": {"Type": "String", "Default": "yes"}},
        "Conditions": dict(
            [("C0", {"Fn::Equals": [{"Ref": "Flag"}, "yes"]})]
            + [("C%d" % i, {"Fn::Not": [{"Condition": "C%d" % (i - 1)}]}) for i in range(1, n)]),
        "Resources": {"Data": bucket({"BucketName": {
            "Fn::If": ["C%d" % (n - 1), "a", "b"]}})},
    }
    yield "wide-join", {
        "Parameters": {"Flag": {"Type": "String", "Default": "yes"}},
        "Conditions": {"On": {"Fn::Equals": [{"Ref": "Flag"}, "yes"]}},
        "Resources": {"Data": bucket(), "Policy": policy([statement({"Fn::Join": ["", [
            "arn:aws:s3:::"] + [{"Fn::If": ["On", "a", "b"]} for _ in range(n)]]})])},
    }
    yield "wide-sub-if", {
        "Parameters": {"Flag": {"Type": "String", "Default": "yes"}},
        "Conditions": {"On": {"Fn::Equals": [{"Ref": "Flag"}, "yes"]}},
        "Resources": {"Data": bucket(), "Policy": policy([statement({"Fn::Sub": [
            "arn:aws:s3:::" + "".join("${V%d}" % i for i in range(n)),
            dict(("V%d" % i, {"Fn::If": ["On", "a", "b"]}) for i in range(n))]})])},
    }
    yield "long-wildcard", {
        "Resources": {
            "Data": bucket({"BucketName": "raw-" + "a" * (2 * n)}),
            "Policy": policy([statement("arn:aws:s3:::raw-" + "*a" * n + "b/*")]),
        },
    }
    yield "many-statements", {
        "Resources": {"Data": bucket(), "Policy": policy([
            statement("arn:aws:s3:::data-%d/*" % i, "s3:Get*") for i in range(n)])},
    }
    yield "many-sub-variables", {
        "Resources": {"Data": bucket({"BucketName": {"Fn::Sub": [
            "".join("${V%d}" % i for i in range(n)),
            dict(("V%d" % i, "x") for i in range(n))]}})},
    }
    yield "unbalanced-sub", {
        "Resources": {"Data": bucket({"BucketName": {"Fn::Sub": "${" * n}})},
    }
    resources = {"R%d" % i: {"Type": "AWS::SNS::Topic"} for i in range(n)}
    resources["Last"] = {"Type": "AWS::SNS::Topic", "DependsOn": ["R%d" % i for i in range(n)]}
    yield "long-depends-on", {"Resources": resources}
    yield "big-cycle", {"Resources": {
        "R%d" % i: {"Type": "AWS::SNS::Topic", "DependsOn": "R%d" % ((i + 1) % n)}
        for i in range(n)}}


def main():
    out, n = sys.argv[1], int(sys.argv[2])
    os.makedirs(out, exist_ok=True)
    for name, body in shapes(n):
        template = {"AWSTemplateFormatVersion": "2010-09-09"}
        template.update(body)
        with open(os.path.join(out, name + ".json"), "w") as f:
            json.dump(template, f, indent=1)


if __name__ == "__main__":
    main()
