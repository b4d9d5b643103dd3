"""What the fake warehouses share (tests/runtime/fake_*.py).

A fake listens on 127.0.0.1 on a port the system picks, writes the port to
a file once it listens, answers each request with its `route` method and
appends every request to a log, one JSON object a line (method, path,
query, headers, body and what the fake found, such as whether the token
verified), for tests/golden/runtime_rest.sh to check. It stops by itself
after LIFETIME seconds, so a test that dies leaves nothing running.

What a statement does is chosen by a word in its SQL: 'fail' fails it,
'slow' keeps it running until it is cancelled, 'count' (the count query's
column) answers one number; anything else succeeds with ROWS, in three
partitions or chunks.
"""
import gzip
import json
import os
import sys
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

LIFETIME = 300
# Keys that need care in CSV, and a NULL, over three pages.
ROWS = [["k1"], ["a,b"], ["say \"hi\""], [None], ["k5"]]
PAGES = [ROWS[0:2], ROWS[2:4], ROWS[4:5]]


def scenario(sql):
    for word in ("fail", "slow"):
        if f"'{word}'" in sql:
            return word
    return "count" if "profiles" in sql.lower() else "rows"


class Statements:
    """Statements by id: their scenario, how often they were polled, and
    whether they were cancelled. Shared by the handler threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.by_id = {}

    def add(self, sql):
        sid = str(uuid.uuid4())
        with self.lock:
            self.by_id[sid] = {"scenario": scenario(sql), "polls": 0, "cancelled": False}
        return sid

    def poll(self, sid):
        with self.lock:
            st = self.by_id.get(sid)
            if st:
                st["polls"] += 1
                return dict(st)
            return None

    def cancel(self, sid):
        with self.lock:
            if sid in self.by_id:
                self.by_id[sid]["cancelled"] = True
                return True
            return False


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):  # quiet: the log file says it all
        pass

    def do_GET(self):
        self.handle_any("GET")

    def do_POST(self):
        self.handle_any("POST")

    def handle_any(self, method):
        split = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = raw.decode("utf-8", "replace")
        entry = {"method": method, "path": split.path, "query": parse_qs(split.query),
                 "headers": {k.lower(): v for k, v in self.headers.items()}, "body": body}
        status, answer, gz = self.server.fake.route(method, split.path, entry)
        with self.server.log_lock, open(self.server.log_path, "a", encoding="utf-8") as f:
            f.write(json.dumps(entry) + "\n")
        data = json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        if gz:
            data = gzip.compress(data)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def serve(fake, port_file, log_path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.fake = fake
    server.log_path = log_path
    server.log_lock = threading.Lock()
    timer = threading.Timer(LIFETIME, server.shutdown)
    timer.daemon = True
    timer.start()
    with open(port_file + ".tmp", "w", encoding="utf-8") as f:
        f.write(str(server.server_address[1]))
    # Renamed into place: the test never reads half a port number.
    os.rename(port_file + ".tmp", port_file)
    server.serve_forever()
    sys.exit(0)
