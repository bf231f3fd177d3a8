#!/usr/bin/env python3
"""Compares `formation lint` with checkov on Formation's own rule fixtures and insecure examples.

For every failed checkov check that has an equivalent Formation rule (the mapping table of
Sources/Policy/Suppressions/ForeignRuleMapping.swift), asks whether Formation's rule flags the
same resource of the same file. Prints the numbers docs/peer-comparison.md quotes.

Usage: scripts/peer-comparison.py FORMATION_BINARY   (run from the repository root;
checkov must be installed: pip install checkov; it is run with --skip-download)
"""
import collections
import json
import os
import re
import subprocess
import sys

FOLDERS = [
    "Tests/PolicyTests/Fixtures/encryption-at-rest",
    "Tests/PolicyTests/Fixtures/encryption-in-transit",
    "Tests/PolicyTests/Fixtures/public-access",
    "Tests/PolicyTests/Fixtures/network-isolation",
    "Tests/PolicyTests/Fixtures/logging",
    "Tests/PolicyTests/Fixtures/data-protection",
    "Tests/PolicyTests/Fixtures/batch-and-events",
    "examples/insecure",
]
MAPPING_FILE = "Sources/Policy/Suppressions/ForeignRuleMapping.swift"


def mapping():
    text = open(MAPPING_FILE).read()
    checkov = text[text.index("public static let checkov"):]
    return dict(re.findall(r'"(CKV_AWS_\d+)": "([A-Z]+\d+)"', checkov))


def run_checkov(folder):
    proc = subprocess.run(
        ["checkov", "-d", folder, "--framework", "cloudformation", "--skip-download", "-o", "json"],
        capture_output=True, text=True)
    data = json.loads(proc.stdout) if proc.stdout.strip() else {}
    reports = data if isinstance(data, list) else [data]
    failed, passed = [], []
    for report in reports:
        results = report.get("results", {})
        for kind, into in (("failed_checks", failed), ("passed_checks", passed)):
            for check in results.get(kind, []):
                logical = check["resource"].split(".", 1)[-1]
                path = os.path.normpath(os.path.join(folder, check["file_path"].lstrip("/")))
                into.append((path, logical, check["check_id"]))
    return failed, passed


def run_formation(binary, folder):
    proc = subprocess.run(
        [binary, "lint", "--format", "json", "--rules", "ENC,TRN,PUB,NET,LOG,DAT,BAT", folder],
        capture_output=True, text=True)
    findings = json.loads(proc.stdout)["findings"]
    return {(os.path.normpath(f["file"]), f["logicalId"], f["rule"]) for f in findings}


def main():
    binary = sys.argv[1]
    equivalent = mapping()
    theirs_total = 0
    caught = 0
    missed = []
    extra = collections.Counter()
    extra_examples = collections.defaultdict(list)
    per_rule = collections.defaultdict(lambda: [0, 0])
    files = 0
    for folder in FOLDERS:
        files += sum(
            len([n for n in names if n.endswith((".yaml", ".json"))]) for _, _, names in os.walk(folder))
        failed, passed = run_checkov(folder)
        ours = run_formation(binary, folder)
        pairs = {(path, logical, equivalent[check]) for path, logical, check in failed if check in equivalent}
        for pair in sorted(pairs):
            theirs_total += 1
            per_rule[pair[2]][0] += 1
            if pair in ours:
                caught += 1
                per_rule[pair[2]][1] += 1
            else:
                missed.append(pair)
        mapped_rules = set(equivalent.values())
        for pair in sorted(ours):
            if pair[2] in mapped_rules and pair not in pairs:
                extra[pair[2]] += 1
                extra_examples[pair[2]].append(f"{pair[0]}:{pair[1]}")
    print(f"files: {files}")
    print(f"checkov findings with a Formation equivalent (file, resource, rule): {theirs_total}")
    print(f"flagged by Formation too: {caught}")
    print(f"missed by Formation: {len(missed)}")
    for pair in missed:
        print("  missed:", *pair)
    print("per rule (checkov flagged / Formation flagged the same):")
    for rule in sorted(per_rule):
        print(f"  {rule}: {per_rule[rule][0]} / {per_rule[rule][1]}")
    print("flagged by Formation, not by checkov's equivalent check:")
    for rule in sorted(extra):
        print(f"  {rule}: {extra[rule]}  e.g. {', '.join(extra_examples[rule][:3])}")


if __name__ == "__main__":
    main()
