"""A department system's receiver for Whistle's webhooks, with Python's standard library alone.

    python3 webhook_receiver.py <port> <secret>

It verifies each delivery as notification-service's README and the AsyncAPI document say: HMAC-SHA256 over
"<X-Whistle-Timestamp>.<raw body>" with the subscription's secret, compared in constant time; a timestamp more than
five minutes from this clock is refused (a captured request cannot be replayed later). It then handles each event once
(by X-Whistle-Event-Id; a redelivery is acknowledged again but not handled twice) and answers 204. It prints one line
per request: "accepted <event id> <type>", "duplicate <event id>" or "refused <reason>". Replace handle() with what the
department's system does.
"""
import collections
import hashlib
import hmac
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TOLERANCE_SECONDS = 300
REMEMBERED = 100_000  # event ids kept for de-duplication; a real system keeps them in its database
MAX_BODY = 1 << 20


def handle(event_type, envelope):
    """What the department's system does with an event."""


def make_handler(secret):
    handled = collections.OrderedDict()
    lock = threading.Lock()

    class Receiver(BaseHTTPRequestHandler):
        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_BODY:
                return self.answer(413, "refused too large")
            body = self.rfile.read(length)
            timestamp = self.headers.get("X-Whistle-Timestamp")
            signature = self.headers.get("X-Whistle-Signature")
            event_id = self.headers.get("X-Whistle-Event-Id")
            event_type = self.headers.get("X-Whistle-Event-Type")
            if not (timestamp and signature and event_id):
                return self.answer(400, "refused unsigned")
            try:
                fresh = abs(time.time() - int(timestamp.strip())) <= TOLERANCE_SECONDS
            except ValueError:
                fresh = False
            if not fresh:
                return self.answer(401, "refused stale timestamp")
            expected = "sha256=" + hmac.new(secret, timestamp.strip().encode() + b"." + body, hashlib.sha256).hexdigest()
            if not hmac.compare_digest(expected, signature.strip()):
                return self.answer(401, "refused bad signature")
            with lock:
                if event_id in handled:
                    return self.answer(204, "duplicate " + event_id)
                handled[event_id] = True
                if len(handled) > REMEMBERED:
                    handled.popitem(last=False)
            handle(event_type, body.decode("utf-8"))
            self.answer(204, "accepted %s %s" % (event_id, event_type))

        def answer(self, status, line):
            print(line, flush=True)
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    return Receiver


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python3 webhook_receiver.py <port> <secret>")
    server = ThreadingHTTPServer(("0.0.0.0", int(sys.argv[1])), make_handler(sys.argv[2].encode("utf-8")))
    print("listening on %d" % server.server_address[1], flush=True)
    server.serve_forever()
