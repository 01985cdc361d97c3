#!/usr/bin/env python3
"""The reference for `maturity list` and `progress`: a Python pass that reads and `json.load`s every
assessment file of a store folder (the `*.json` files not starting with a dot, as maturity lists them).

Usage: scripts/bench/python_pass.py FOLDER

Prints one line, `python pass: N files, S.SSS s`, where S is the pass's own wall time from the first
directory read to the last file parsed (the interpreter's start, about 15 ms, is left out, which makes
the reference stricter, not looser). Exits 1 if a file cannot be read or parsed.
"""
import json, os, sys, time


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 1
    folder = sys.argv[1]
    start = time.monotonic()
    count = 0
    for name in os.listdir(folder):
        if not name.endswith(".json") or name.startswith("."):
            continue
        with open(os.path.join(folder, name), "rb") as handle:
            json.load(handle)
        count += 1
    elapsed = time.monotonic() - start
    print(f"python pass: {count} files, {elapsed:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
