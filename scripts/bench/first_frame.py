#!/usr/bin/env python3
"""The workshop's first frame through an 80x24 pseudo-terminal, timed from exec, for several binaries run
alternately over the same store.

For each run it records, in milliseconds from just before exec:
  first   the first byte the workshop writes to the terminal;
  frame   the last byte of the first full frame (its key bar has arrived, and the terminal is then quiet
          for 2 ms: ncurses writes one frame in a few writes made at once);
  store   when the store's content is on screen (TEXT, e.g. "Or resume a draft"; the same as frame for a
          workshop that reads the store before painting);
and, after quitting with Ctrl-C once the store is shown, the CPU time (user + system, every thread) and the peak
resident memory of the process (MiB).

  scripts/bench/first_frame.py --store /tmp/store-10000 --runs 5 old=/path/to/maturity new=.build/release/maturity
  scripts/bench/first_frame.py --store /tmp/empty --args "workshop --system 'West Yorkshire ICS'" --shown Known --dialog ...

Prints one line per run and a summary (min-max, median) per binary, with the load average.
"""
import argparse, os, pty, fcntl, select, shlex, signal, statistics, struct, termios, time

FRAME_END = b"Esc quit"


def spawn(argv, env):
    start = time.monotonic_ns()
    pid, fd = pty.fork()
    if pid == 0:
        try:
            os.execve(argv[0], argv, env)
        finally:
            os._exit(127)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    return start, pid, fd


def read_chunk(fd, deadline):
    ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
    if not ready:
        return None
    try:
        return os.read(fd, 65536)
    except OSError:
        return b""


def dialog_form():
    """dialog's form with the start screen's fields (as scripts/bench/terminal.py runs it): the comparable screen."""
    return ["/usr/bin/dialog", "--title", "A new assessment", "--form",
            "The board of which system is assessing itself today?", "20", "76", "10",
            "System", "1", "1", "", "1", "16", "50", "200",
            "Date", "2", "1", "2026-11-23", "2", "16", "12", "10",
            "Participants", "3", "1", "", "3", "16", "50", "400"]


def run_once(binary, args, env, shown, timeout, frame_end=FRAME_END, keys=b"\x03"):
    start, pid, fd = spawn([binary] + args, env)
    deadline = time.monotonic() + timeout
    data, first, frame, store = b"", None, None, None
    # The first frame: up to its key bar, then whatever follows at once.
    while frame_end not in data:
        chunk = read_chunk(fd, deadline)
        if not chunk:
            raise TimeoutError(f"{binary}: no first frame; got {data[-300:]!r}")
        first = first or time.monotonic_ns()
        data += chunk
    frame = time.monotonic_ns()
    while select.select([fd], [], [], 0.002)[0]:
        chunk = os.read(fd, 65536)
        if not chunk:
            break
        data += chunk
        frame = time.monotonic_ns()
    # The store's content, in this frame or a later one.
    while shown not in data:
        chunk = read_chunk(fd, deadline)
        if not chunk:
            raise TimeoutError(f"{binary}: {shown!r} never shown; got {data[-300:]!r}")
        data += chunk
    store = time.monotonic_ns()
    os.write(fd, keys)
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            break
        if select.select([fd], [], [], 0.01)[0]:
            try:
                os.read(fd, 65536)
            except OSError:
                pass
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            _, status, usage = os.wait4(pid, 0)
            break
    os.close(fd)
    return {"first": (first - start) / 1e6, "frame": (frame - start) / 1e6, "store": (store - start) / 1e6,
            "rss": usage.ru_maxrss / 1024, "cpu": (usage.ru_utime + usage.ru_stime) * 1000}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("binaries", nargs="+", help="LABEL=PATH, run alternately")
    parser.add_argument("--store", required=True, help="the store folder (MATURITY_STORE)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--args", default="workshop", help="arguments after the binary (shell words)")
    parser.add_argument("--shown", default="Esc quit", help="text that shows the store has been read")
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--dialog", action="store_true", help="run dialog's form too, alternately, as the reference")
    arguments = parser.parse_args()
    home = os.path.join(os.path.dirname(arguments.store.rstrip("/")) or ".", "first-frame-home")
    os.makedirs(home, exist_ok=True)
    env = {"PATH": "/usr/bin:/bin", "HOME": home, "TERM": "xterm-256color", "LANG": "C.UTF-8",
           "MATURITY_STORE": arguments.store, "XDG_CONFIG_HOME": os.path.join(home, "config")}
    binaries = [item.split("=", 1) for item in arguments.binaries]
    args = shlex.split(arguments.args)
    if arguments.dialog:
        binaries.append(["dialog", None])
    results = {label: [] for label, _ in binaries}
    print(f"load before: {os.getloadavg()}")
    for run in range(arguments.runs):
        for label, path in binaries:
            if path is None:
                form = dialog_form()
                result = run_once(form[0], form[1:], env, b"ancel", arguments.timeout, b"ancel", b"\x1b\x1b")
            else:
                result = run_once(path, args, env, arguments.shown.encode(), arguments.timeout)
            results[label].append(result)
            print(f"run {run + 1} {label:>6}: first byte {result['first']:8.1f} ms  frame {result['frame']:8.1f} ms  "
                  f"store shown {result['store']:8.1f} ms  CPU {result['cpu']:8.1f} ms  peak RSS {result['rss']:6.1f} MiB", flush=True)
    print(f"load after: {os.getloadavg()}")
    for label, _ in binaries:
        for key, unit in (("first", "ms"), ("frame", "ms"), ("store", "ms"), ("cpu", "ms"), ("rss", "MiB")):
            values = [result[key] for result in results[label]]
            print(f"{label:>6} {key:>5}: {min(values):8.1f}-{max(values):8.1f} {unit} (median {statistics.median(values):.1f})")


if __name__ == "__main__":
    main()
