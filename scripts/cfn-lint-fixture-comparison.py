#!/usr/bin/env python3
"""Compares `formation validate` with cfn-lint's schema checks on cfn-lint's own fixture templates.

cfn-lint's repository keeps templates it must accept (test/fixtures/templates/good) and
templates it must reject (.../bad). Extract them outside this repository, for example

    git --git-dir=<cfn-lint mirror> archive HEAD test/fixtures/templates | tar x -C /tmp/cfnlint

and run

    scripts/cfn-lint-fixture-comparison.py /tmp/cfnlint/test/fixtures/templates [--formation PATH] [--list]

It runs the installed cfn-lint once over every template (its JSON output is cached beside the
fixtures, in cfn-lint-results.json) and `formation validate` once over each folder, then prints:

  - of the templates where cfn-lint reports a schema error (E3xxx, E6101, E2533), on how many
    `formation validate` reports an error (the goal is at least 90%);
  - on how many `good` templates `formation validate` reports an error (the goal is none),
    apart from those on which cfn-lint reports an error too;
  - templates the reader rejects (exit 2), counted apart: reading them is another check's work.

With --list it names every template on which the two disagree.
"""

import argparse
import json
import os
import re
import subprocess
import sys

SCHEMA_CODE = re.compile(r"^(E3\d{3}|E6101|E2533)$")
ERROR_CODE = re.compile(r"^E\d{4}$")
FINDING = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<column>\d+): (?P<severity>\w+) (?P<id>[A-Z0-9]+): (?P<message>.*)$")


def templates(root, kind):
    found = []
    for folder, _, files in os.walk(os.path.join(root, kind)):
        for name in files:
            if name.endswith((".yaml", ".yml", ".json", ".template")):
                found.append(os.path.join(folder, name))
    return sorted(found)


def cfn_lint_results(root, files):
    cache = os.path.join(root, "cfn-lint-results.json")
    if os.path.exists(cache):
        with open(cache) as handle:
            cached = json.load(handle)
        if set(cached) >= set(files):
            return cached
    results = {path: [] for path in files}
    # One process for every file: cfn-lint's start-up costs more than most templates.
    process = subprocess.run(["cfn-lint", "--format", "json", "--", *files], capture_output=True, text=True)
    for match in json.loads(process.stdout or "[]"):
        path = match.get("Filename")
        if path in results:
            results[path].append(match["Rule"]["Id"])
    with open(cache, "w") as handle:
        json.dump(results, handle, indent=1, sort_keys=True)
    return results


def formation_results(formation, files):
    """File -> (exit status class, error ids): the reader's rejection is reported as 'unreadable'."""
    results = {}
    for path in files:
        process = subprocess.run([formation, "validate", path], capture_output=True, text=True)
        errors = []
        for line in process.stdout.splitlines():
            match = FINDING.match(line)
            if match and match["severity"] == "error":
                errors.append((match["id"], match["message"]))
        results[path] = ("unreadable" if process.returncode == 2 else "read", errors)
    return results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("fixtures", help="cfn-lint's test/fixtures/templates folder")
    parser.add_argument("--formation", default=os.path.join(os.path.dirname(__file__), "..", ".build", "debug", "formation"))
    parser.add_argument("--list", action="store_true", help="name every template the two disagree on")
    arguments = parser.parse_args()

    bad = templates(arguments.fixtures, "bad")
    good = templates(arguments.fixtures, "good")
    linted = cfn_lint_results(arguments.fixtures, bad + good)
    validated = formation_results(arguments.formation, bad + good)

    schema_bad = [path for path in bad + good if any(SCHEMA_CODE.match(code) for code in linted[path])]
    read = [path for path in schema_bad if validated[path][0] == "read"]
    unreadable = [path for path in schema_bad if validated[path][0] == "unreadable"]
    caught = [path for path in read if validated[path][1]]
    missed = [path for path in read if not validated[path][1]]
    good_read = [path for path in good if validated[path][0] == "read"]
    good_unreadable = [path for path in good if validated[path][0] == "unreadable"]
    # A `good` template on which cfn-lint itself reports an error (E1020 for an undefined Ref,
    # E0001 for a SAM transform that fails...) is not one both tools accept: Formation's error
    # there agrees with cfn-lint and is counted apart.
    both_reject = [path for path in good_read if validated[path][1] and any(ERROR_CODE.match(c) for c in linted[path])]
    false_errors = [path for path in good_read if validated[path][1] and path not in both_reject]
    rejected_bad = [path for path in unreadable if path.startswith(os.path.join(arguments.fixtures, "bad"))]

    share = 100.0 * len(caught) / len(read) if read else 100.0
    print(f"templates with a cfn-lint schema error: {len(schema_bad)} ({len(unreadable)} the reader rejects, counted apart)")
    print(f"  formation validate reports an error on {len(caught)} of {len(read)} read: {share:.1f}% (goal 90%)")
    with_reader = len(caught) + len(rejected_bad)
    print(f"  counting the reader's errors on bad templates as reported: {with_reader} of {len(schema_bad)}: {100.0 * with_reader / len(schema_bad):.1f}%")
    print(f"good templates: {len(good)} ({len(good_unreadable)} the reader rejects, counted apart)")
    print(f"  formation validate reports an error on {len(false_errors)} of {len(good_read)} that cfn-lint accepts (goal 0)")
    print(f"  and on {len(both_reject)} on which cfn-lint reports an error too")
    if arguments.list:
        for title, paths in (("missed", missed), ("errors on good templates", false_errors), ("errors on good templates cfn-lint rejects too", both_reject), ("rejected by the reader", unreadable + good_unreadable)):
            print(f"\n{title}:")
            for path in paths:
                relative = os.path.relpath(path, arguments.fixtures)
                codes = sorted({c for c in linted[path] if SCHEMA_CODE.match(c) or title.endswith("too") and ERROR_CODE.match(c)})
                ours = sorted({i for i, _ in validated[path][1]})
                print(f"  {relative}  cfn-lint {','.join(codes) or '-'}  formation {','.join(ours) or '-'}")
                if title.startswith("errors on good templates"):
                    for rule, message in validated[path][1][:5]:
                        print(f"      {rule}: {message[:160]}")
    return 0 if share >= 90 and not false_errors else 1


if __name__ == "__main__":
    sys.exit(main())
