#!/usr/bin/env python3
"""A store at national scale for `maturity compare` and `maturity rollup`: the 42 systems, each with a
system-level assessment and one for each of five places, every year for ten years (2017-2026), all
complete: 42 x 6 x 10 = 2,520 files. Each file is a copy of one that maturity itself wrote and placed
(store.templates), with its own system, identity, place, date, notes and actions.

Usage: scripts/bench/national.py BINARY FOLDER [--years 10] [--places 5] [--seed 15]

Place-level files carry `"place"` and are named `<date>-<system>--<place>.json`; until a binary reads
the field, they look system-level to it (so the figures then cover six times the system-level files).
"""
import argparse, copy, json, os, random, shutil, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import store  # noqa: E402

PLACES = ["North", "South", "East", "West", "Central"]


def generate(binary, folder, years=10, places=5, seed=15):
    os.makedirs(folder, exist_ok=True)
    rng = random.Random(seed)
    scratch = tempfile.mkdtemp(prefix="maturity-templates-")
    try:
        bases, criteria = store.templates(binary, scratch, 40, rng)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    complete = [base for base in bases if base.get("status") == "complete"]
    written = 0
    for system in store.SYSTEMS:
        name = system + " ICS"
        for year in range(2027 - years, 2027):
            for short in [None] + PLACES[:places]:
                place = f"{system} {short}" if short else None
                date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
                data = copy.deepcopy(rng.choice(complete))
                data["system"] = name
                data["systemID"] = store.identity(name)
                data["date"] = date
                if place is not None:
                    data["place"] = place
                for area in data["areas"]:
                    area["notes"] = {c: store.note(rng) for c in criteria[area["id"]] if rng.random() < 0.4}
                    area["actions"] = [{"id": f"a{n + 1}", "what": store.note(rng)[:120], "owner": "Director of strategy",
                                        "due": date, "status": rng.choice(["not-started", "in-progress", "done"])}
                                       for n in range(rng.randint(0, 3))]
                stem = f"{date}-{store.slug(name)}" + (f"--{store.slug(short)}" if short else "")
                with open(os.path.join(folder, stem + ".json"), "w") as handle:
                    json.dump(data, handle, indent=2, sort_keys=True)
                written += 1
    return written


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("binary")
    parser.add_argument("folder")
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--places", type=int, default=5)
    parser.add_argument("--seed", type=int, default=15)
    arguments = parser.parse_args()
    count = generate(arguments.binary, arguments.folder, arguments.years, arguments.places, arguments.seed)
    print(f"{count} files in {arguments.folder}")
