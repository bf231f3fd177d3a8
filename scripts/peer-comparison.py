#!/usr/bin/env python3
"""Compares `formation lint` with checkov on Formation's own rule fixtures and insecure examples.

For every failed checkov check that has an equivalent Formation rule (the mapping table of
Sources/Policy/Suppressions/ForeignRuleMapping.swift), asks whether Formation's rule flags the
same resource of the same file. Prints the numbers docs/peer-comparison.md quotes.

Usage: scripts/peer-comparison.py FORMATION_BINARY   (run from the repository root;
checkov must be installed: pip install checkov; it is run with --skip-download)
       scripts/peer-comparison.py --table [MAPPING_FILE ...]
  prints the table of every checkov CloudFormation check (`checkov --list`) with its Formation
  equivalent from the mapping (and from other branches' mapping files, when given), or why
  there is none.
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


def mapping(path=MAPPING_FILE):
    text = open(path).read()
    start = text.index("public static let checkov")
    checkov = text[start:text.index("\n  ]\n", start)]
    return dict(re.findall(r'"(CKV2?_AWS_\d+)": (?:ForeignReach\()?"([A-Z]+\d+)"', checkov))


# Why a checkov CloudFormation check has no Formation equivalent (or where one lives).
NO_EQUIVALENT = {
    "CKV_AWS_19": "ENC001 (stricter: it asks for a customer-managed key, so a checkov skip does not reach it)",
    "CKV2_AWS_33": "none: needs the WAFv2 WebACLAssociation that names the AppSync API; not implemented",
    "CKV2_AWS_68": "none as such: IAM001/IAM003 judge a notebook role's policy like any identity policy",
    "CKV2_AWS_69": "none: needs the DB parameter group's rds.force_ssl; not implemented",
    "CKV2_AWS_71": "none: a wildcard certificate is a deliberate choice, not a misconfiguration",
    "CKV_AWS_104": "none: DocumentDB audit logs (EnableCloudwatchLogsExports audit) not implemented",
    "CKV_AWS_107": "none: cloudsplaining's credential-exposure action list; IAM003 flags the unscoped grants",
    "CKV_AWS_108": "none: cloudsplaining's data-exfiltration action list; IAM003 flags the unscoped grants",
    "CKV_AWS_109": "none: cloudsplaining's permissions-management list; IAM008 flags the escalation subset",
    "CKV_AWS_111": "none: cloudsplaining's write-access list; IAM003 flags the unscoped grants",
    "CKV_AWS_118": "none: enhanced monitoring is an operations setting",
    "CKV_AWS_120": "none: caching is a performance setting; API004 checks that a cache is encrypted",
    "CKV_AWS_157": "none: Multi-AZ is availability, not security",
    "CKV_AWS_192": "none: needs the managed rule groups' contents (Log4j rule set)",
    "CKV_AWS_23": "none: a missing rule description is documentation, not exposure",
    "CKV_AWS_258": "PUB010 (function URL AuthType NONE; the id is not in the reach table)",
    "CKV_AWS_90": "none: DocumentDB TLS (cluster parameter group tls) not implemented",
}


def table(extra_mappings):
    listing = subprocess.run(
        ["checkov", "--list", "--framework", "cloudformation"], capture_output=True, text=True).stdout
    checks = {}
    for line in listing.splitlines():
        cells = [c.strip() for c in line.split("|")]
        if len(cells) > 6 and cells[2].startswith("CKV") and "loud" in cells[6].lower():
            checks.setdefault(cells[2], cells[5])
    equivalent = {}
    for path in extra_mappings:
        equivalent.update(mapping(path))
    equivalent.update(mapping())
    order = lambda i: (i.startswith("CKV2"), int(i.rsplit("_", 1)[1]))
    covered = 0
    print("| checkov | what it checks | Formation |")
    print("|---|---|---|")
    for check in sorted(checks, key=order):
        rule = equivalent.get(check)
        cell = rule or NO_EQUIVALENT.get(check, "none")
        covered += re.match(r"[A-Z]+\d{3}", cell) is not None
        print(f"| {check} | {checks[check].replace('|', '/')[:110]} | {cell} |")
    print(f"\n{covered} of {len(checks)} checks have a Formation equivalent "
          f"({100 * covered // len(checks)}%).")


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
    if sys.argv[1] == "--table":
        table(sys.argv[2:])
        return
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
