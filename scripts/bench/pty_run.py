"""A program in an 80x24 pseudo-terminal, timed from outside: when it was started, when each burst of
output began and ended. Nothing is taken from the program's own clock."""
import fcntl, os, pty, select, signal, struct, termios, time

# Within one frame, curses writes in quick succession; a pause this long ends a burst.
BURST_GAP_SECONDS = 0.004


class Session:
    """A process in a pseudo-terminal of `rows` x `columns`, started now (the clock starts just before fork)."""

    def __init__(self, argv, env, rows=24, columns=80):
        self.started_ns = time.monotonic_ns()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
                os.execve(argv[0], argv, env)
            finally:
                os._exit(127)
        self.usage = None

    def read_burst(self, needle=b"", timeout=30.0, since_ns=None):
        """Reads until `needle` has arrived (any output, when empty) and the output has then paused for
        BURST_GAP_SECONDS. Returns (first byte, last byte) in ms since `since_ns` (default: the start), and
        the bytes."""
        since_ns = self.started_ns if since_ns is None else since_ns
        data, first, last = b"", None, None
        deadline = time.monotonic() + timeout
        while not data or needle not in data:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([self.fd], [], [], remaining)[0]:
                raise TimeoutError(f"waited {timeout} s for {needle!r}; got {data[-300:]!r}")
            chunk = self._read()
            now = time.monotonic_ns()
            if not chunk:
                raise EOFError(f"the program ended before {needle!r}; got {data[-300:]!r}")
            first = first or now
            data, last = data + chunk, now
        while select.select([self.fd], [], [], BURST_GAP_SECONDS)[0]:
            chunk = self._read()
            if not chunk:
                break
            data, last = data + chunk, time.monotonic_ns()
        return (first - since_ns) / 1e6, (last - since_ns) / 1e6, data

    def drain(self, quiet_seconds):
        """Every byte written until the output has been quiet for `quiet_seconds`, and the monotonic time
        (ns) of the last of them (None when there were none)."""
        data, last = b"", None
        while select.select([self.fd], [], [], quiet_seconds)[0]:
            chunk = self._read()
            if not chunk:
                break
            data, last = data + chunk, time.monotonic_ns()
        return data, last

    def send(self, keys):
        """Writes `keys`; returns the time just before the write (the program may answer before it returns)."""
        before = time.monotonic_ns()
        os.write(self.fd, keys)
        return before

    def peak_memory_mib(self):
        """VmHWM of the running process, in MiB."""
        with open(f"/proc/{self.pid}/status") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        return float("nan")

    def end(self, keys=b"", timeout=10.0):
        """Sends `keys` (a quit), then waits for the process, reading what it writes; kills it after
        `timeout`. Returns its resource usage (ru_maxrss is its peak memory)."""
        if keys:
            try:
                os.write(self.fd, keys)
            except OSError:
                pass
        deadline = time.monotonic() + timeout
        while True:
            done, _, usage = os.wait4(self.pid, os.WNOHANG)
            if done:
                break
            if time.monotonic() > deadline:
                os.kill(self.pid, signal.SIGKILL)
                _, _, usage = os.wait4(self.pid, 0)
                break
            if select.select([self.fd], [], [], 0.01)[0]:
                self._read()
        os.close(self.fd)
        self.usage = usage
        return usage

    def _read(self):
        try:
            return os.read(self.fd, 65536)
        except OSError:
            return b""
