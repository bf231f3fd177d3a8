#!/usr/bin/env python3
"""Checks that the README's `formation` examples print what the README says they print.

Every fenced block whose lines start with `$ formation ...` is run, in order, in a copy of the
files git tracks (so an example that writes a baseline writes it there, not into the work tree),
with the binary named by $FORMATION (default .build/debug/formation), and its output compared
line by line with the lines that follow the command in the README. A line `...` stands for any
number of lines (none included), so a long output can be shown in part. A block after a line
`<!-- readme-check: REASON -->` shows a session in another repository and is not run. Commands
other than
`formation` (`swift run render`, `cd`) are documented elsewhere and skipped.

    scripts/readme-check.py            exit 1 and a diff for every example that is stale
"""
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
binary = os.environ.get("FORMATION", os.path.join(root, ".build/debug/formation"))


def examples(readme):
    """(line number, command, expected lines) of every `$ formation` example."""
    found, fenced, current, skipped, previous = [], False, None, False, ""
    for number, line in enumerate(readme.splitlines(), start=1):
        if line.startswith("```"):
            if current:
                found.append(current)
            fenced, current = not fenced, None
            skipped = fenced and previous.startswith("<!-- readme-check:")
            continue
        previous = line
        if not fenced or skipped:
            continue
        if line.startswith("$ "):
            if current:
                found.append(current)
            command = line[2:]
            current = (number, command, []) if command.startswith("formation ") else None
        elif current:
            current[2].append(line)
    return found


def matches(expected, actual):
    """Whether `actual` is `expected` with each `...` line standing for any run of lines."""
    pattern = "".join(
        "(?:.*\n)*?" if line.strip() == "..." else re.escape(line) + "\n" for line in expected
    )
    return re.fullmatch(pattern, "".join(line + "\n" for line in actual)) is not None


def main():
    with open(os.path.join(root, "README.md"), encoding="utf-8") as file:
        readme = file.read()
    tracked = subprocess.run(
        ["git", "ls-files", "-z"], cwd=root, capture_output=True, check=True).stdout
    copy = tempfile.mkdtemp(prefix="formation-readme-")
    for path in filter(None, tracked.decode().split("\0")):
        if os.path.isfile(os.path.join(root, path)):
            os.makedirs(os.path.join(copy, os.path.dirname(path)), exist_ok=True)
            shutil.copy2(os.path.join(root, path), os.path.join(copy, path))
    try:
        return check(readme, copy)
    finally:
        shutil.rmtree(copy)


def check(readme, folder):
    stale = 0
    for number, command, expected in examples(readme):
        arguments = shlex.split(command)
        environment = dict(os.environ, NO_COLOR="1")
        result = subprocess.run(
            [binary] + arguments[1:], cwd=folder, capture_output=True, text=True,
            env=environment, timeout=300)
        actual = (result.stdout + result.stderr).splitlines()
        if matches(expected, actual):
            continue
        stale += 1
        print(f"README.md:{number}: `{command}` prints something else now:")
        for line in actual:
            print(f"    {line}")
    total = len(examples(readme))
    print(f"{total - stale} of {total} README examples current")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
