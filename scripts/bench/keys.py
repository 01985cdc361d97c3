"""A scripted workshop through an 80x24 pty: every key timed from writing it to the last byte of its
redraw, and the bytes each key cost on the wire."""
import json, re, subprocess, time

from pty_run import Session

# What xterm sends for the arrow keys once curses has switched it to keypad mode (smkx).
RIGHT, LEFT = b"\x1bOC", b"\x1bOD"
LETTERS = [b"y", b"p", b"n", b"u"]
# After a redraw, output within this long still belongs to the key (a save's status, say).
SETTLE_SECONDS = 0.05
# Terminal control: CSI sequences, charset selection, keypad mode, and the other two-byte escapes.
CONTROL = re.compile(rb"\x1b(?:\[[0-9;?]*[ -/]*[@-~]|[()][0-9A-Za-z]|[=>78DEHMc])|[\r\n\b]")


def text_bytes(data):
    """The bytes of `data` that are characters shown, not terminal control."""
    return len(CONTROL.sub(b"", data))


def steps(binary, env):
    """The workshop's steps in order, as the arrow keys walk them: per area its overview, its metrics
    (when the framework names some), questions and result, then the summary."""
    shown = subprocess.run([binary, "frameworks", "show", "ics-social-economic-development", "--format", "json"],
                           env=env, check=True, capture_output=True, text=True).stdout
    walk = []
    for area in json.loads(shown)["areas"]:
        walk += ["overview"] + (["metrics"] if area.get("metrics") else []) + ["question"] * len(area["criteria"]) + ["result"]
    return walk + ["summary"]


class FrameLog:
    """The workshop's MATURITY_FRAME_LOG, read as it grows: `EVENT NANOSECONDS` lines on CLOCK_MONOTONIC,
    the clock time.monotonic_ns() reads here."""

    def __init__(self, path):
        self.path, self.offset = path, 0

    def frame_after(self, since_ns, timeout=10.0):
        """The time of the first `frame` (a frame painted for a key) logged after `since_ns`."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with open(self.path, "rb") as handle:
                handle.seek(self.offset)
                data = handle.read()
            complete = data[:data.rfind(b"\n") + 1]
            self.offset += len(complete)
            for line in complete.decode().splitlines():
                event, stamp = line.split()
                if event == "frame" and int(stamp) >= since_ns:
                    return int(stamp)
            time.sleep(0.0005)
        raise TimeoutError("no frame logged after a key")


def scripted_workshop(binary, env, keys, system, log_path):
    """`keys` keys that walk every step answering each question on the way, turning round at either end,
    so that every key changes the screen. Returns per key (kind, painted ms, redraw ms, settled ms, bytes,
    bytes of text shown), kind one of "answer", "question to question", "other move":
    - painted: from writing the key to the pty to the workshop's last write() of the key's frame (from its
      frame log, on the same clock);
    - redraw: to the last byte read of the burst that followed the key (a save's status line, when it
      follows within the burst gap, is counted in);
    - settled: to the last byte the key caused, the save's status included;
    and the workshop's peak memory (MiB)."""
    walk, position = steps(binary, env), 0
    open(log_path, "w").close()
    log = FrameLog(log_path)
    session = Session([binary, "workshop", "--system", system], dict(env, MATURITY_FRAME_LOG=log_path))
    session.read_burst(b"F1 help")
    session.drain(0.5)
    session.send(b"\t\t\t\r")
    session.read_burst(b"verview")
    session.drain(0.3)
    direction, timed = 1, []
    for sent in range(keys):
        if walk[position] == "question" and direction == 1:
            key = LETTERS[sent % len(LETTERS)]
        else:
            if not 0 <= position + direction < len(walk):
                direction = -direction
            key = RIGHT if direction == 1 else LEFT
        written = session.send(key)
        _, redraw, data = session.read_burst(since_ns=written, timeout=10)
        later, settled_ns = session.drain(SETTLE_SECONDS)
        settled = (settled_ns - written) / 1e6 if settled_ns else redraw
        try:
            painted = (log.frame_after(written) - written) / 1e6
        except TimeoutError:
            raise TimeoutError(f"no frame logged after key {sent} {key!r} at step {position} ({walk[position]}); "
                               f"the burst: {data[-400:]!r}")
        if key in (RIGHT, LEFT):
            target = position + direction
            kind = "question to question" if walk[position] == walk[target] == "question" else "other move"
            position = target
        else:
            kind = "answer"
            position += 1
        timed.append((kind, painted, redraw, settled, len(data) + len(later), text_bytes(data + later)))
    memory = session.peak_memory_mib()
    session.end(b"\x1b")
    return timed, memory
