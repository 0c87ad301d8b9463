"""A fault-injecting HTTP proxy in front of the reference receiver, for the export tests.

Each connection takes the next fault from the queue (``pass`` when it is empty):
``pass`` forwards the request and the answer; ``http500`` answers 500 without forwarding;
``cut`` reads the headers and part of the body, then drops the connection (cut mid-upload);
``stall`` reads the request and never answers (the sender's timeout); ``refuse`` closes the
connection at once; ``ack_lost`` forwards the request — the receiver applies the batch — and
drops the connection before the answer reaches the sender.
"""

from __future__ import annotations

import collections
import contextlib
import socket
import threading
import time

FAULTS = ("pass", "http500", "cut", "stall", "refuse", "ack_lost")


def _read_request(conn: socket.socket, *, body_part: float = 1.0) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    wanted = int(length * body_part)
    while len(body) < wanted:
        chunk = conn.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


class FaultProxy:
    def __init__(self, upstream: tuple[str, int], *, stall_seconds: float = 3.0) -> None:
        self.upstream = upstream
        self.stall_seconds = stall_seconds
        self.faults: collections.deque[str] = collections.deque()
        self.seen: list[str] = []
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._stopping = False
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._listener.getsockname()[1]}/"

    def inject(self, *faults: str) -> None:
        assert set(faults) <= set(FAULTS)
        self.faults.extend(faults)

    def close(self) -> None:
        self._stopping = True
        with contextlib.suppress(OSError):
            self._listener.close()

    def _serve(self) -> None:
        while not self._stopping:
            try:
                conn, _ = self._listener.accept()
            except OSError:
                return
            fault = self.faults.popleft() if self.faults else "pass"
            self.seen.append(fault)
            threading.Thread(target=self._handle, args=(conn, fault), daemon=True).start()

    def _handle(self, conn: socket.socket, fault: str) -> None:
        with conn:
            try:
                if fault == "refuse":
                    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                    b"\x01\x00\x00\x00\x00\x00\x00\x00")
                    return
                if fault == "cut":
                    _read_request(conn, body_part=0.5)
                    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                    b"\x01\x00\x00\x00\x00\x00\x00\x00")
                    return
                request = _read_request(conn)
                if fault == "http500":
                    conn.sendall(b"HTTP/1.1 500 Internal Server Error\r\nContent-Length: 4\r\n"
                                 b"Connection: close\r\n\r\noops")
                    return
                if fault == "stall":
                    time.sleep(self.stall_seconds)
                    return
                answer = self._forward(request)
                if fault == "ack_lost":
                    return
                conn.sendall(answer)
            except OSError:
                return

    def _forward(self, request: bytes) -> bytes:
        with socket.create_connection(self.upstream, timeout=60) as up:
            up.sendall(request)
            answer = b""
            while chunk := up.recv(65536):
                answer += chunk
            return answer
