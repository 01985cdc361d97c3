"""The workshop in an 80x24 pseudo-terminal, and dialog beside it for the first frame."""
import fcntl, json, os, pty, select, signal, struct, subprocess, termios, time

QUIET_SECONDS = 0.05


def spawn(argv, env):
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    return pid, fd


def read_until(fd, needle, timeout=10.0):
    data = b""
    deadline = time.monotonic() + timeout
    while needle not in data:
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            raise TimeoutError(f"waited for {needle!r}; got {data[-300:]!r}")
        data += os.read(fd, 65536)
    return data


def read_burst(fd, needle, start_ns, timeout=10.0):
    """Reads until `needle` has arrived and the terminal has then been quiet for QUIET_SECONDS.
    Returns (milliseconds from start to the burst's last byte, bytes of the burst)."""
    data = read_until(fd, needle, timeout)
    last = time.monotonic_ns()
    while select.select([fd], [], [], QUIET_SECONDS)[0]:
        try:
            more = os.read(fd, 65536)
        except OSError:
            break
        if not more:
            break
        data += more
        last = time.monotonic_ns()
    return (last - start_ns) / 1e6, data


def end(pid, fd, keys=b"\x03"):
    try:
        os.write(fd, keys)
    except OSError:
        pass
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        if select.select([fd], [], [], 0.01)[0]:
            try:
                os.read(fd, 65536)
            except OSError:
                pass
    else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    os.close(fd)


def dialog_form():
    """dialog's form with the start screen's fields: the comparable screen."""
    return ["/usr/bin/dialog", "--title", "A new assessment", "--form",
            "The board of which system is assessing itself today?", "20", "76", "10",
            "System", "1", "1", "", "1", "16", "50", "200",
            "Date", "2", "1", "2026-11-23", "2", "16", "12", "10",
            "Participants", "3", "1", "", "3", "16", "50", "400"]


def first_frames(binary, env, runs):
    """Launch to first full frame for maturity and dialog, run alternately."""
    ours, theirs, our_bytes = [], [], 0
    for _ in range(runs):
        start = time.monotonic_ns()
        pid, fd = spawn([binary, "workshop", "--system", "Benchmark ICS"], env)
        elapsed, data = read_burst(fd, b"Esc quit", start)
        ours.append(elapsed)
        our_bytes = len(data)
        end(pid, fd)
        start = time.monotonic_ns()
        pid, fd = spawn(dialog_form(), env)
        elapsed, _ = read_burst(fd, b"ancel", start)
        theirs.append(elapsed)
        end(pid, fd, b"\x1b\x1b")
    return ours, theirs, our_bytes


def frames(log):
    with open(log) as handle:
        return [line.split() for line in handle if line.strip()]


def wait_for_frames(log, count, timeout=5.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        events = frames(log)
        if sum(1 for event, _ in events if event == "frame") >= count:
            return events
        time.sleep(0.0002)
    raise TimeoutError("no frame after a key")


def drain(fd):
    """Every byte the terminal has been sent so far."""
    total = 0
    while select.select([fd], [], [], 0.002)[0]:
        try:
            total += len(os.read(fd, 65536))
        except OSError:
            break
    return total


def peak_memory_mb(pid):
    with open(f"/proc/{pid}/status") as handle:
        for line in handle:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def steps(binary, env):
    """The workshop's steps in order, as the arrow keys walk them: per area its overview, questions
    and result, then the summary."""
    shown = subprocess.run([binary, "frameworks", "show", "ics-social-economic-development", "--format", "json"],
                           env=env, check=True, capture_output=True, text=True).stdout
    walk = []
    for area in json.loads(shown)["areas"]:
        walk += ["overview"] + ["question"] * len(area["criteria"]) + ["result"]
    return walk + ["summary"]


def scripted_workshop(binary, env, keys, log):
    """A scripted workshop of `keys` keys: walks every step answering, back and forth.
    Returns key-to-redraw latencies, save latencies, bytes per key (moves from one question to the
    next, other moves, answers), and peak memory."""
    walk, position = steps(binary, env), 0
    pid, fd = spawn([binary, "workshop", "--system", "Benchmark ICS"], dict(env, MATURITY_FRAME_LOG=log))
    read_until(fd, b"Esc quit")
    os.write(fd, b"\t\t\r")
    read_until(fd, b"Overview")
    expected = 2
    wait_for_frames(log, expected)
    drain(fd)
    # What xterm sends for the arrow keys once ncurses has switched it to keypad mode (smkx).
    right, left = b"\x1bOC", b"\x1bOD"
    letters = [b"y", b"p", b"n", b"u"]
    sent_bytes = {"question to question": [], "other moves": [], "answer": []}
    direction = 1
    for sent in range(keys):
        # Going forward, a question is answered with one key, which also moves on to the next step; other
        # steps are passed with the arrows. Turn round at either end (back with ←), so every key does something.
        if walk[position] == "question" and direction == 1:
            key = letters[sent % len(letters)]
        else:
            if not 0 <= position + direction < len(walk):
                direction = -direction
            key = right if direction == 1 else left
        os.write(fd, key)
        expected += 1
        wait_for_frames(log, expected)
        written = drain(fd)
        if key in (right, left):
            target = position + direction
            between_questions = walk[position] == walk[target] == "question"
            sent_bytes["question to question" if between_questions else "other moves"].append(written)
            position = target
        else:
            sent_bytes["answer"].append(written)
            position += 1
    memory = peak_memory_mb(pid)
    events = frames(log)
    end(pid, fd)
    redraw, without_save, saves = [], [], []
    pending_key = pending_save = None
    saving = 0
    for event, stamp in events:
        stamp = int(stamp)
        if event == "key":
            pending_key, saving = stamp, 0
        elif event == "save":
            pending_save = stamp
        elif event == "saved" and pending_save is not None:
            saving = stamp - pending_save
            saves.append(saving / 1e6)
            pending_save = None
        elif event == "frame" and pending_key is not None:
            redraw.append((stamp - pending_key) / 1e6)
            without_save.append((stamp - pending_key - saving) / 1e6)
            pending_key = None
    return redraw[-keys:], without_save[-keys:], saves, sent_bytes, memory


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]
