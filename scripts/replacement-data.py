#!/usr/bin/env python3
"""Writes Sources/TemplateDiff/Data/replacement.tsv from cfn-lint's CloudFormation registry schemas.

The differ decides "will replace / may replace" from each resource type's
createOnlyProperties and conditionalCreateOnlyProperties. cfn-lint ships the registry
schemas of every region (with its own corrections applied); this script reads the
us-east-1 set, the largest one, and writes one line per resource type:

    Type <TAB> create-only paths <TAB> conditional create-only paths <TAB> physical-name property

Paths are the schemas' JSON pointers without "/properties/", with "." between
segments and "*" for "every element of a list" (/properties/Foo/*/Bar -> Foo.*.Bar),
separated by ",". The physical-name property is a top-level create-only property that
names the resource and must be unique (BucketName, TableName, RoleName, QueueName):
the type's single primary identifier when it ends in "Name", else a property named after
the type (`ComputeEnvironmentName` for AWS::Batch::ComputeEnvironment). Replacing a
resource that sets it fails, because CloudFormation creates the new resource before it
deletes the old one.

Usage: scripts/replacement-data.py            (rewrites the data file)
       scripts/replacement-data.py --stdout   (prints it; the test compares the two)
"""

import importlib
import importlib.metadata
import json
import os
import sys

REGION = "us_east_1"
OUTPUT = os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "TemplateDiff", "Data", "replacement.tsv"
)


def paths(schema, key):
    result = []
    for pointer in schema.get(key, []):
        if not pointer.startswith("/properties/"):
            raise SystemExit(f"{schema.get('typeName')}: unexpected pointer {pointer} in {key}")
        segments = pointer[len("/properties/"):].split("/")
        for segment in segments:
            if any(c in segment for c in ",.\t\n") or not segment:
                raise SystemExit(f"{schema.get('typeName')}: segment {segment!r} cannot be written")
        result.append(".".join(segments))
    # Sorted and unique: the schemas' order carries no meaning, and the file must be stable.
    return sorted(set(result))


def physical_name(type_name, schema, create_only):
    top_level = {p for p in create_only if "." not in p}
    primary = [p[len("/properties/"):] for p in schema.get("primaryIdentifier", [])]
    if len(primary) == 1 and primary[0] in top_level and primary[0].endswith("Name"):
        return primary[0]
    named_after_type = type_name.split("::")[-1] + "Name"
    if named_after_type in top_level:
        return named_after_type
    return ""


def render():
    schemas = importlib.import_module("cfnlint.data.schemas")
    base = os.path.dirname(schemas.__file__)
    provider = importlib.import_module(f"cfnlint.data.schemas.providers.{REGION}")
    version = importlib.metadata.version("cfn-lint")
    lines = [
        f"# Formation replacement data, written by scripts/replacement-data.py from cfn-lint {version} "
        f"registry schemas ({REGION.replace('_', '-')}). Do not edit by hand.",
        "# type\tcreate-only\tconditional create-only\tphysical name",
    ]
    for type_name in sorted(provider.types):
        if "::" not in type_name:
            continue  # "Module" is a template fragment, not a resource type.
        with open(os.path.join(base, "resources", provider.types[type_name] + ".json")) as handle:
            schema = json.load(handle)
        create_only = paths(schema, "createOnlyProperties")
        conditional = [p for p in paths(schema, "conditionalCreateOnlyProperties") if p not in create_only]
        name = physical_name(type_name, schema, create_only)
        lines.append("\t".join([type_name, ",".join(create_only), ",".join(conditional), name]))
    return "\n".join(lines) + "\n"


def main():
    text = render()
    if "--stdout" in sys.argv[1:]:
        sys.stdout.write(text)
    else:
        with open(OUTPUT, "w") as handle:
            handle.write(text)
        print(f"wrote {os.path.normpath(OUTPUT)} ({text.count(chr(10)) - 2} resource types)")


if __name__ == "__main__":
    main()
