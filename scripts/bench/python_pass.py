#!/usr/bin/env python3
"""The reference for `maturity list` and `progress`: one Python pass that json.loads every assessment
file of a store folder. Prints how many files it read and its own wall time."""
import json, os, sys, time

start = time.monotonic()
folder = sys.argv[1]
count = 0
for name in os.listdir(folder):
    if name.endswith(".json") and not name.startswith("."):
        with open(os.path.join(folder, name), "rb") as handle:
            json.load(handle)
        count += 1
print(f"{count} files in {time.monotonic() - start:.3f} s")
