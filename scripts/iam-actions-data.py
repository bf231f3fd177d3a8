#!/usr/bin/env python3
"""Writes Sources/Semantics/Data/iam-actions.tsv from cfn-lint's IAM action data.

The policy checker needs to know, for every IAM action, whether it supports
resource-level permissions: `"Resource": "*"` is the only possible scope for
`ecr:GetAuthorizationToken` or `ec2:DescribeInstances`, but a least-privilege
failure for `s3:GetObject`. cfn-lint ships the AWS Service Authorization Reference
as AdditionalSpecs/Policies.json (service prefix -> action -> resource types). This
script writes one line per service prefix:

    service <TAB> actions with resource types <TAB> actions without any

Action names are lower-cased (IAM compares them case-insensitively) and separated
by ",".

Usage: scripts/iam-actions-data.py            (rewrites the data file)
       scripts/iam-actions-data.py --stdout   (prints it)
"""

import importlib.metadata
import json
import os
import sys

OUTPUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "Semantics", "Data", "iam-actions.tsv")


def main():
    import cfnlint

    source = os.path.join(os.path.dirname(cfnlint.__file__), "data", "AdditionalSpecs", "Policies.json")
    with open(source) as handle:
        services = json.load(handle)
    version = importlib.metadata.version("cfn-lint")
    lines = [
        f"# Formation IAM action data, written by scripts/iam-actions-data.py from cfn-lint {version} "
        "AdditionalSpecs/Policies.json. Do not edit by hand.",
        "# service\tactions with resource-level permissions\tactions without",
    ]
    for service in sorted(services):
        actions = services[service].get("Actions", {})
        scoped = sorted(name.lower() for name, spec in actions.items() if spec.get("Resources"))
        unscoped = sorted(name.lower() for name, spec in actions.items() if not spec.get("Resources"))
        lines.append(f"{service.lower()}\t{','.join(scoped)}\t{','.join(unscoped)}")
    text = "\n".join(lines) + "\n"
    if "--stdout" in sys.argv:
        sys.stdout.write(text)
    else:
        with open(OUTPUT, "w") as handle:
            handle.write(text)


if __name__ == "__main__":
    main()
