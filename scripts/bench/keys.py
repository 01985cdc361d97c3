#!/usr/bin/env python3
"""Key to redraw from outside, through an 80x24 pseudo-terminal: keys that save and keys that do not.

For each binary named (run alternately, RUNS times each), a workshop is started on a fresh store and
walked with KEYS keys: answers (y/p/n/u, which save and move on), arrows (which change only the position),
and a few note edits (e, a letter, Esc). Each key is written to the pty, and the clock runs from that write
to the last byte of the frame the key caused. The workshop's MATURITY_FRAME_LOG (key, frame, save, saved,
with CLOCK_MONOTONIC times, the clock Python's monotonic_ns reads) is used only to tell the key's frame
from the repaint that follows a save (the status bar's "saving…" turning into "saved"): bytes that arrive
before the save's fsync returned belong to the key's frame; if the frame's end may have come after it, the
first byte after it is counted instead (so a figure can only be too high, never too low). The time until
the last byte of that repaint (the screen shows the change as saved) is given too.

Between keys the driver waits until the terminal has been quiet for 30 ms, then a random think time of
0-300 ms, so that position saves (made after a pause) sometimes run while the next key is handled.

Usage: scripts/bench/keys.py [--runs N] [--keys N] [--seed N] BINARY [BINARY...]
"""
import argparse, os, random, select, shutil, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import terminal  # noqa: E402

QUIET_NS = 30_000_000
RIGHT, LEFT = b"\x1bOC", b"\x1bOD"


class Log:
    """The workshop's frame log, read as it grows."""

    def __init__(self, path):
        self.path, self.offset, self.events = path, 0, []

    def poll(self):
        try:
            with open(self.path, "rb") as handle:
                handle.seek(self.offset)
                data = handle.read()
        except FileNotFoundError:
            return self.events
        complete = data.rfind(b"\n") + 1
        self.offset += complete
        for line in data[:complete].decode().splitlines():
            event, stamp = line.split()
            self.events.append((event, int(stamp)))
        return self.events

    def after(self, start, event):
        return [stamp for name, stamp in self.events if name == event and stamp >= start]


def response(fd, log, start, timeout=10.0):
    """Reads what the key caused until the terminal has been quiet for 30 ms after the key's frame
    (as the frame log says). Returns [(arrival ns, bytes)]."""
    chunks, deadline = [], start + int(timeout * 1e9)
    last = start
    while True:
        now = time.monotonic_ns()
        if now > deadline:
            raise TimeoutError("no frame after a key")
        ready, _, _ = select.select([fd], [], [], 0.002)
        if ready:
            try:
                data = os.read(fd, 65536)
            except OSError:
                break
            stamp = time.monotonic_ns()
            chunks.append((stamp, data))
            last = stamp
            continue
        log.poll()
        if log.after(start, "frame") and time.monotonic_ns() - last > QUIET_NS:
            return chunks


def split(chunks, log, start):
    """(ms to the last byte of the key's frame, ms to the last byte of all, the key saved, ms from the
    workshop reading the key to painting its frame, by its own clock)."""
    frame = min(log.after(start, "frame"))
    keys = log.after(start, "key")
    inside = (frame - min(keys)) / 1e6 if keys else float("nan")
    # Only a save that ended after the frame can have a repaint of its own (a binary that saves before
    # drawing has none).
    saved = [stamp for stamp in log.after(start, "saved") if stamp > frame]
    end_all = chunks[-1][0] if chunks else frame
    if not saved:
        end = end_all
    else:
        cut = min(saved)
        before = [stamp for stamp, _ in chunks if stamp < cut]
        after = [stamp for stamp, _ in chunks if stamp >= cut]
        if before and (before[-1] >= frame or not after):
            end = before[-1]
        else:
            end = after[0] if after else end_all
    return (end - start) / 1e6, (end_all - start) / 1e6, bool(saved), inside


def walk(binary, env, keys, rng, log_path):
    steps, position = terminal.steps(binary, env), 0
    pid, fd = terminal.spawn([binary, "workshop", "--system", "Benchmark ICS"], dict(env, MATURITY_FRAME_LOG=log_path))
    log = Log(log_path)
    terminal.read_until(fd, b"Esc quit")
    os.write(fd, b"\t\t\r")
    terminal.read_until(fd, b"Overview")
    time.sleep(0.3)
    terminal.drain(fd)
    results = {"answer": [], "move": [], "note": []}
    for _ in range(keys):
        kind, key = "move", RIGHT
        here = steps[position]
        roll = rng.random()
        if here == "question" and roll < 0.5:
            kind, key = "answer", rng.choice([b"y", b"p", b"n", b"u"])
        elif here == "question" and roll < 0.6:
            kind = "note"
        elif position == len(steps) - 1 or (position > 0 and rng.random() < 0.4):
            key = LEFT
        if kind == "note":
            # e opens the note (no save), a letter changes it (a save), Esc closes it.
            for sent in (b"e", rng.choice([b"a", b"b", b"c"]), b"\x1b"):
                start = time.monotonic_ns()
                os.write(fd, sent)
                chunks = response(fd, log, start)
                if sent not in (b"e", b"\x1b"):
                    results["note"].append(split(chunks, log, start))
                time.sleep(0.05)
            continue
        start = time.monotonic_ns()
        os.write(fd, key)
        chunks = response(fd, log, start)
        results[kind].append(split(chunks, log, start))
        position += 1 if key in (RIGHT, b"y", b"p", b"n", b"u") else -1
        time.sleep(rng.random() * 0.3)
    log.poll()
    saves = []
    pending = None
    for event, stamp in log.events:
        if event == "save":
            pending = stamp
        elif event == "saved" and pending is not None:
            saves.append((stamp - pending) / 1e6)
            pending = None
    terminal.end(pid, fd)
    return results, saves


def percentile(values, share):
    return terminal.percentile(values, share) if values else float("nan")


def main():
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--runs", type=int, default=3)
    options.add_argument("--keys", type=int, default=300)
    options.add_argument("--seed", type=int, default=12)
    options.add_argument("binaries", nargs="+")
    arguments = options.parse_args()
    work = tempfile.mkdtemp(prefix="maturity-keys-")
    print(f"load before: {open('/proc/loadavg').read().strip()}")
    try:
        for run in range(arguments.runs):
            for number, binary in enumerate(arguments.binaries):
                folder = os.path.join(work, f"run-{run}-{number}")
                os.makedirs(folder)
                env = {"TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": folder, "PATH": "/usr/bin:/bin",
                       "MATURITY_STORE": os.path.join(folder, "store")}
                rng = random.Random(arguments.seed + run)
                results, saves = walk(binary, env, arguments.keys, rng, os.path.join(folder, "frames.log"))
                line = [f"run {run + 1} {binary}:"]
                for kind in ("answer", "move", "note"):
                    redraw = [r for r, _, _, _ in results[kind]]
                    # For a move, a save that ended after its frame was an earlier move's: no "shown saved".
                    shown = [s for _, s, saved, _ in results[kind] if saved and kind != "move"]
                    line.append(f"{kind} n={len(redraw)} redraw p50 {percentile(redraw, 0.5):.2f} p99 {percentile(redraw, 0.99):.2f} "
                                f"max {max(redraw) if redraw else float('nan'):.2f}"
                                + (f", shown saved p50 {percentile(shown, 0.5):.2f} p99 {percentile(shown, 0.99):.2f} "
                                   f"max {max(shown):.2f}" if shown else ""))
                every = [r for kind in results for r, _, _, _ in results[kind]]
                inside = [i for kind in results for _, _, _, i in results[kind]]
                line.append(f"all n={len(every)} p50 {percentile(every, 0.5):.2f} p99 {percentile(every, 0.99):.2f} "
                            f"max {max(every):.2f}; inside the workshop (key read to frame painted) p50 "
                            f"{percentile(inside, 0.5):.2f} p99 {percentile(inside, 0.99):.2f}")
                line.append(f"saves n={len(saves)} p50 {percentile(saves, 0.5):.2f} p99 {percentile(saves, 0.99):.2f} "
                            f"max {max(saves) if saves else float('nan'):.2f} ms (save to saved in the frame log: "
                            f"encode, write, fsyncs)")
                print("\n  ".join(line), flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"load after: {open('/proc/loadavg').read().strip()}")


if __name__ == "__main__":
    main()
