#!/usr/bin/env python3
"""Runs checkov's and cfn_nag's own CloudFormation test templates through `formation lint`.

For every checkov check and cfn_nag rule that has a Formation equivalent (the mapping of
Sources/Policy/Suppressions/ForeignRuleMapping.swift), takes the resources the peer's tests
expect to fail and asks whether the equivalent Formation rule flags the same resource.

- checkov: each tests/cloudformation/checks/resource/aws/test_<Check>.py names the example
  folder it runs; checkov itself is run on that folder with --check <id>, and its failed
  resources are the expectation.
- cfn_nag: each spec/custom_rules/<Rule>_spec.rb pairs a test template with the logical ids
  `audit_impl` must return (`%w[...]`); the password rules' specs build their file names
  from a table of cases, reproduced here.

Usage (from the repository root; the peers' files stay outside the repository):
  git --git-dir=<checkov mirror> archive HEAD checkov/cloudformation tests/cloudformation | tar -x -C /tmp/checkov
  git --git-dir=<cfn_nag mirror> archive HEAD spec lib | tar -x -C /tmp/cfn_nag
  scripts/peer-tests.py FORMATION_BINARY /tmp/checkov /tmp/cfn_nag [RULE_PREFIX ...]
"""
import collections
import concurrent.futures
import glob
import json
import os
import re
import subprocess
import sys

MAPPING_FILE = "Sources/Policy/Suppressions/ForeignRuleMapping.swift"


def mapping(section):
    """The `<section>Reach` table of the mapping file: foreign id to Formation rule."""
    text = open(MAPPING_FILE).read()
    start = text.index(f"public static let {section}Reach")
    end = text.index("\n  ]\n", start)
    return dict(re.findall(r'"([A-Z0-9_]+)": ForeignReach\(\s*"([A-Z]+\d+)"', text[start:end]))


def formation_flags(binary, path, rule):
    # Name every file: a folder scan skips files it does not take for templates.
    paths = sorted(glob.glob(os.path.join(path, "**", "*.*"), recursive=True)) if os.path.isdir(path) else [path]
    paths = [p for p in paths if p.endswith((".yaml", ".yml", ".json", ".template"))]
    proc = subprocess.run([binary, "lint", "--format", "json", "--rules", rule] + paths,
                          capture_output=True, text=True)
    try:
        output = json.loads(proc.stdout)
    except json.JSONDecodeError:
        return None
    # `formation lint --format json` wraps its findings in an envelope (version, summary).
    findings = output["findings"] if isinstance(output, dict) else output
    return {(os.path.normpath(f["file"]), f.get("logicalId")) for f in findings
            if f["rule"] == rule}


def checkov_cases(root):
    tests = os.path.join(root, "tests/cloudformation/checks/resource/aws")
    checks = os.path.join(root, "checkov/cloudformation/checks/resource/aws")
    for test in sorted(glob.glob(os.path.join(tests, "test_*.py"))):
        text = open(test).read()
        module = re.search(r"checks\.resource\.aws\.(\w+) import check", text)
        folders = re.findall(r'"/(example_[A-Za-z0-9_]+)"', text)
        if not module or not folders:
            continue
        source = open(os.path.join(checks, module.group(1) + ".py")).read()
        ids = re.findall(r'(?:id|check_id)\s*=\s*"(CKV2?_AWS_\d+)"', source)
        for folder in folders:
            for check_id in ids[:1]:
                yield check_id, os.path.join(tests, folder)


def run_checkov(folder, check_id):
    proc = subprocess.run(
        ["checkov", "-d", folder, "--framework", "cloudformation", "--skip-download",
         "--check", check_id, "-o", "json"], capture_output=True, text=True)
    data = json.loads(proc.stdout) if proc.stdout.strip().startswith(("{", "[")) else {}
    reports = data if isinstance(data, list) else [data]
    failed = set()
    for report in reports:
        for check in report.get("results", {}).get("failed_checks", []):
            path = os.path.normpath(os.path.join(folder, check["file_path"].lstrip("/")))
            failed.add((path, check["resource"].split(".", 1)[-1]))
    return failed


PASSWORD_CASES = {
    "not set": "pass", "parameter with NoEcho": "pass",
    "parameter with NoEcho and Default value": "fail",
    "parameter as a literal in plaintext": "fail", "as a literal in plaintext": "fail",
    "from Secrets Manager": "pass", "from Secure Systems Manager": "pass",
    "from Systems Manager": "fail",
}


def snake(name):
    return re.sub(r"(?<=[a-z])(?=[A-Z])", "_", name).lower()


def cfn_nag_cases(root):
    rules = {}
    for path in glob.glob(os.path.join(root, "lib/cfn-nag/custom_rules/*.rb")):
        text = open(path).read()
        found = re.search(r"def rule_id\s+'([A-Z0-9]+)'", text)
        if found:
            rules[os.path.basename(path)[:-3]] = found.group(1)
    templates = os.path.join(root, "spec/test_templates")
    for spec in sorted(glob.glob(os.path.join(root, "spec/custom_rules/*_spec.rb"))):
        name = os.path.basename(spec)[:-len("_spec.rb")]
        rule_id = rules.get(name)
        text = open(spec).read()
        if rule_id is None:
            continue
        if "password_rule_test_sets" in text:
            resource_type = re.search(r"resource_type = '([^']+)'", text).group(1)
            prop = re.search(r"password_property = '([^']+)'", text).group(1)
            sub = re.search(r"sub_property_name = '([^']+)'", text)
            kind = re.search(r"test_template_type = '([^']+)'", text).group(1)
            resource = resource_type.replace("AWS::", "").replace("::", "_").lower()
            middle = snake(prop) + ("_" + snake(sub.group(1)) if sub else "")
            for case, outcome in PASSWORD_CASES.items():
                path = os.path.join(templates, kind, resource,
                                    f"{resource}_{middle}_{case.replace(' ', '_').lower()}.{kind}")
                if os.path.exists(path):
                    yield rule_id, path, ("*" + resource_type) if outcome == "fail" else None
            continue
        for block in re.split(r"\n\s*it ['\"]", text)[1:]:
            template = re.search(r"read_test_template\(\s*((?:'[^']*'\s*\\?\s*)+)\)", block)
            expected = re.search(r"%w\[([^\]]*)\]", block)
            if template and expected:
                name = "".join(re.findall(r"'([^']*)'", template.group(1)))
                for logical in expected.group(1).split():
                    yield rule_id, os.path.join(templates, name), logical


def resources_of_type(path, resource_type):
    import yaml  # only for the password cases, whose templates hold one resource of the type
    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    try:
        data = yaml.load(open(path), Loader=Loader) or {}
    except Exception:
        return []
    return [k for k, v in (data.get("Resources") or {}).items()
            if isinstance(v, dict) and v.get("Type") == resource_type]


def main():
    binary, checkov_root, cfn_nag_root = sys.argv[1:4]
    prefixes = tuple(sys.argv[4:])
    wanted = lambda rule: not prefixes or rule.startswith(prefixes)
    totals = collections.Counter()
    misses = []
    checkov_map = mapping("checkov")
    cases = [(check_id, folder, checkov_map[check_id])
             for check_id, folder in checkov_cases(checkov_root)
             if checkov_map.get(check_id) and wanted(checkov_map[check_id]) and os.path.isdir(folder)]
    # checkov spends most of each run starting up: run a few at once.
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        expectations = list(pool.map(lambda case: run_checkov(case[1], case[0]), cases))
    for (check_id, folder, rule), expected in zip(cases, expectations):
        flagged = formation_flags(binary, folder, rule) or set()
        flagged = {(os.path.normpath(f), l) for f, l in flagged}
        for item in sorted(expected):
            totals[("checkov", rule)] += 1
            if item in flagged:
                totals[("checkov-flagged", rule)] += 1
            else:
                misses.append(("checkov", check_id, rule, item[0], item[1]))
    nag_map = mapping("cfnNag")
    for rule_id, path, logical in cfn_nag_cases(cfn_nag_root):
        rule = nag_map.get(rule_id)
        if not rule or not wanted(rule) or logical is None or not os.path.exists(path):
            continue
        logicals = resources_of_type(path, logical[1:]) if logical.startswith("*") else [logical]
        flagged = formation_flags(binary, path, rule) or set()
        for name in logicals:
            totals[("cfn_nag", rule)] += 1
            if (os.path.normpath(path), name) in flagged:
                totals[("cfn_nag-flagged", rule)] += 1
            else:
                misses.append(("cfn_nag", rule_id, rule, path, name))
    rules = sorted({rule for (_, rule) in totals})
    print("rule: checkov expected/flagged, cfn_nag expected/flagged")
    for rule in rules:
        print(f"  {rule}: {totals[('checkov', rule)]}/{totals[('checkov-flagged', rule)]}, "
              f"{totals[('cfn_nag', rule)]}/{totals[('cfn_nag-flagged', rule)]}")
    expected = sum(v for (k, _), v in totals.items() if k in ("checkov", "cfn_nag"))
    print(f"expected failures with an equivalent: {expected}, missed: {len(misses)}")
    for peer, peer_id, rule, path, logical in misses:
        print(f"  missed: {peer} {peer_id} -> {rule}: {os.path.relpath(path, '/tmp')} {logical}")


if __name__ == "__main__":
    main()
