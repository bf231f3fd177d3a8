#!/usr/bin/env python3
"""Runs AWS's `cloudformation-validate` (PyPI) over template files with one engine, as a CI job would.

    scripts/cloudformation-validate.py FILE...     (use the Python that has the package installed)

Builds one engine (its rules compile once), validates every file with it, prints
`file:line:column: severity rule: message` per diagnostic, and exits 1 when any is an error.
The benchmark (scripts/benchmark.sh) times this script as the peer `cloudformation-validate`.
"""

import sys

from cloudformation_validate import CelEngine


def main(paths):
    engine = CelEngine()
    failed = False
    for path in paths:
        report = engine.validate_template(path)
        for diagnostic in report.diagnostics:
            severity = diagnostic.severity.name.lower()
            line, column = diagnostic.start_line or 0, diagnostic.start_column or 0
            print(f"{path}:{line}:{column}: {severity} {diagnostic.rule_id}: {diagnostic.message}")
            failed = failed or severity in ("error", "fatal")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
