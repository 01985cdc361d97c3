"""Launch to the first full frame, maturity and dialog alternately, timed from outside through a pty."""
from pty_run import Session

# dialog's nearest screen to a workshop question: a radio list of the four answers.
DIALOG = ["/usr/bin/dialog", "--title", "Economy · question 1 of 9", "--radiolist",
          "Has the board agreed how the system supports economic development and recovery?",
          "20", "76", "4", "yes", "Yes", "off", "partly", "Partly", "off", "no", "No", "off", "unsure", "Unsure", "off"]
DIALOG_DONE = b"Cancel"
# The start screen's key line, its last row.
MATURITY_DONE = b"F1 help"
ESCAPE_TWICE = b"\x1b\x1b"


def first_frame(argv, env, needle, quit_keys):
    """(first byte ms, last byte ms of the first full frame, bytes of it, peak memory MiB) of one launch."""
    session = Session(argv, env)
    first, last, data = session.read_burst(needle)
    # Read while it runs: after a fork, ru_maxrss would count the forking Python's pages too.
    memory = session.peak_memory_mib()
    session.end(quit_keys)
    return first, last, len(data), memory


def alternate(maturity_argv, env, launches):
    """`launches` launches of each, alternately. Returns {"maturity": [...], "dialog": [...]}, each a list of
    first_frame tuples."""
    figures = {"maturity": [], "dialog": []}
    dialog_env = {"TERM": env["TERM"], "LANG": env["LANG"], "HOME": env["HOME"], "PATH": env["PATH"]}
    for _ in range(launches):
        figures["maturity"].append(first_frame(maturity_argv, env, MATURITY_DONE, ESCAPE_TWICE))
        figures["dialog"].append(first_frame(DIALOG, dialog_env, DIALOG_DONE, ESCAPE_TWICE))
    return figures


def dialog_arrow_bytes(env):
    """Bytes dialog writes when ↓ moves its radio list to the next item: the reference for a small move."""
    session = Session(DIALOG, {name: env[name] for name in ("TERM", "LANG", "HOME", "PATH")})
    session.read_burst(DIALOG_DONE)
    session.drain(0.2)
    written = session.send(b"\x1bOB")
    _, _, data = session.read_burst(since_ns=written)
    more, _ = session.drain(0.05)
    session.end(ESCAPE_TWICE)
    return len(data) + len(more)
