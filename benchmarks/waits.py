"""Waits benchmark: how long `kb add arxiv:ID` takes to give up on a server that never
answers and on a refused connection, with kb's defaults (KB_SILENT_TIMEOUT 30 s,
KB_REFUSED_TIMEOUT 5 s), and what it says on a terminal meanwhile.

Each case runs the real `kb` in a fresh knowledge base with stderr on a pseudo-terminal
(so the wait notices are drawn as a person would see them); reports the wall time,
the exit code, the error line, and the distinct wait notices shown. Reports; never asserts.

    python benchmarks/waits.py [--silent-timeout 30] [--refused-timeout 5]
"""

from __future__ import annotations

import argparse
import os
import pty
import re
import select
import socket
import subprocess
import sys
import tempfile
import threading
import time


def silent_server() -> tuple[socket.socket, int]:
    """A server that accepts connections and never answers."""
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(16)
    held = []

    def accept() -> None:
        while True:
            try:
                conn, _ = srv.accept()
            except OSError:
                return
            held.append(conn)

    threading.Thread(target=accept, daemon=True).start()
    return srv, srv.getsockname()[1]


def free_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def run(label: str, url: str, env_extra: dict[str, str]) -> None:
    kb_dir = tempfile.mkdtemp(prefix="kb-waits-")
    env = dict(os.environ, KB_HOME=kb_dir, KB_ARXIV_API_URL=url + "/api/query",
               KB_ARXIV_PDF_URL=url + "/pdf", **env_extra)
    subprocess.run([sys.executable, "-m", "kb", "init", kb_dir], env=env, capture_output=True, check=True)
    master, slave = pty.openpty()
    start = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "kb", "add", "arxiv:2311.16863"], env=env,
                            stdout=subprocess.PIPE, stderr=slave, stdin=subprocess.DEVNULL)
    os.close(slave)
    shown = b""
    while True:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                chunk = b""
            if not chunk and proc.poll() is not None:
                break
            shown += chunk
        elif proc.poll() is not None:
            break
    proc.wait()
    elapsed = time.monotonic() - start
    os.close(master)
    text = re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", shown.decode("utf-8", "replace")).replace("\r", "\n")
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    notices = list(dict.fromkeys(re.sub(r"\d+(\.\d+)? s", "N s", line) for line in lines
                                 if not line.startswith("kb: error")))
    error = next((line for line in lines if line.startswith("kb: error")), "")
    print(f"{label}: {elapsed:.1f} s, exit {proc.returncode}")
    print(f"    error   {error}")
    for n in notices[:6]:
        print(f"    shown   {n}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--silent-timeout", type=float, default=None, help="KB_SILENT_TIMEOUT (default: kb's own)")
    ap.add_argument("--refused-timeout", type=float, default=None, help="KB_REFUSED_TIMEOUT (default: kb's own)")
    args = ap.parse_args()
    extra = {}
    if args.silent_timeout is not None:
        extra["KB_SILENT_TIMEOUT"] = str(args.silent_timeout)
    if args.refused_timeout is not None:
        extra["KB_REFUSED_TIMEOUT"] = str(args.refused_timeout)
    print("load:", os.getloadavg())
    srv, port = silent_server()
    run("server accepts and never answers", f"http://127.0.0.1:{port}", extra)
    srv.close()
    run("connection refused", f"http://127.0.0.1:{free_port()}", extra)


if __name__ == "__main__":
    main()
