#!/usr/bin/env python3
"""`maturity list` and `progress` over a store, an older binary and a newer one run alternately, beside
the Python pass (python_pass.py): wall time of each whole process from exec, its CPU time and peak memory.

The newer binary runs three ways: with its scan index cold (the cache folder emptied just before),
warm (the index the previous run left), and with no index at all (MATURITY_CACHE=off).

Usage: scripts/bench/scan_compare.py OLD NEW FOLDER [--rounds N] [--system NAME]
Prints one line per run, then min-max per measure, and the load (from /proc/loadavg) before and after.
Peak memory is the child's ru_maxrss, which Linux floors at this script's own size (about 10 MB).
"""
import argparse, hashlib, os, shutil, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))


def run(arguments, environment):
    """Wall seconds, CPU seconds and peak resident MB of one process, and its standard output."""
    start = time.monotonic()
    process = subprocess.Popen(arguments, env=environment, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    # Only a digest of the output is kept, so that this process stays small: a child's peak memory
    # as Linux reports it can be no less than this process's size when it started the child.
    output = process.stdout.read()
    digest = hashlib.sha256(output).hexdigest()
    text = output[:200]
    del output
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.monotonic() - start
    if status != 0:
        raise RuntimeError(f"{arguments} exited with {status}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, (digest, text)


def load():
    with open("/proc/loadavg") as handle:
        return " ".join(handle.read().split()[:3])


def main():
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("old")
    options.add_argument("new")
    options.add_argument("folder")
    options.add_argument("--rounds", type=int, default=3)
    options.add_argument("--system", default="West Yorkshire ICS")
    arguments = options.parse_args()
    cache = tempfile.mkdtemp(prefix="scan-compare-cache-")
    base = dict(os.environ, MATURITY_STORE=arguments.folder, LANG="C.UTF-8")
    old = dict(base, MATURITY_CACHE="off")
    indexed = dict(base, MATURITY_CACHE=os.path.join(cache, "maturity"))
    unindexed = dict(base, MATURITY_CACHE="off")
    python = [sys.executable, os.path.join(HERE, "python_pass.py"), arguments.folder]
    progress = ["progress", "--system", arguments.system]
    figures = {}
    outputs = {}

    def measure(name, command, environment):
        wall, cpu, memory, output = run(command, environment)
        figures.setdefault(name, []).append((wall, cpu, memory))
        if command is not python:
            outputs.setdefault(name.split(" ")[0] + " " + name.split(" ")[1], set()).add(output[0])
        print(f"{name:32} {wall:8.3f} s wall {cpu:8.3f} s cpu {memory:7.1f} MB", flush=True)
        if command is python:
            # The pass's own wall time, as it prints it (without the interpreter's start).
            own = float(output[1].decode().split(",")[-1].split()[0])
            figures.setdefault("python pass (own time)", []).append((own, cpu, memory))

    print(f"load before: {load()}", flush=True)
    run(python, base)  # every file once into the page cache
    for round_number in range(arguments.rounds):
        print(f"-- round {round_number + 1}", flush=True)
        measure("old list", [arguments.old, "list"], old)
        shutil.rmtree(os.path.join(cache, "maturity"), ignore_errors=True)
        measure("new list cold-index", [arguments.new, "list"], indexed)
        measure("new list warm-index", [arguments.new, "list"], indexed)
        measure("new list no-index", [arguments.new, "list"], unindexed)
        measure("python pass", python, base)
        measure("old progress", [arguments.old] + progress, old)
        measure("new progress warm-index", [arguments.new] + progress, indexed)
        measure("new progress no-index", [arguments.new] + progress, unindexed)
    print(f"load after: {load()}")
    print("\nmeasure: wall min-max (median), CPU min-max, peak memory max")
    for name, runs in figures.items():
        walls, cpus, memories = [r[0] for r in runs], [r[1] for r in runs], [r[2] for r in runs]
        print(f"{name:32} {min(walls):.3f}-{max(walls):.3f} s ({statistics.median(walls):.3f}), "
              f"CPU {min(cpus):.3f}-{max(cpus):.3f} s, {max(memories):.0f} MB")
    for key in ("new list", "new progress"):
        same = outputs[key] | outputs["old " + key.split(" ")[1]]
        print(f"{key}: {'the same output as the old binary' if len(same) == 1 else 'OUTPUT DIFFERS from the old binary'}")
    shutil.rmtree(cache, ignore_errors=True)


if __name__ == "__main__":
    main()
