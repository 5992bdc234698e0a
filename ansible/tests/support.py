"""Test helpers: the library on the path, node figures, a fake node, a real HTTP node on 127.0.0.1."""

import json
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "lib"))

GIB = 1024 ** 3


def hostvars(status="ALIVE", load1=0.0, cpus=4, total=GIB, available=GIB // 2, celsius=45.0, services=()):
    return {"ansible_host": "10.0.0.1", "punnet_status": status, "punnet_load1": load1, "punnet_cpu_count": cpus,
            "punnet_mem_total_bytes": total, "punnet_mem_available_bytes": available,
            "punnet_temperature_celsius": celsius, "punnet_services": list(services), "punnet_tags": []}


def inventory(nodes):
    """A --list document as a node renders it, from {name: hostvars}."""
    inv = {"alive": {"hosts": sorted(n for n, v in nodes.items() if v["punnet_status"] == "ALIVE")}}
    for name, v in sorted(nodes.items()):
        for service in v["punnet_services"] or []:
            inv.setdefault(service, {"hosts": []})["hosts"].append(name)
            avail = inv.setdefault(service + "_available", {"hosts": []})["hosts"]
            if v["punnet_status"] == "ALIVE":
                avail.append(name)
    inv["_meta"] = {"hostvars": nodes}
    return inv


class FakeNode:
    """Answers calls from a table {(method, path): (status, body)}, and records them."""

    def __init__(self, url, answers, token=None):
        self.url, self.answers, self.token, self.calls = url, answers, token, []

    def get(self, path):
        return self.call("GET", path)[1]

    def call(self, method, path, accept=(200,)):
        from punnet_ops.errors import PunnetError
        self.calls.append((method, path))
        status, body = self.answers.get((method, path), (404, {"error": "no route"}))
        if status not in accept:
            raise PunnetError("%s %s answered %d: %s" % (method, path, status, body))
        return status, body


class HttpNode:
    """A real HTTP server on 127.0.0.1 (a free port) answering from a table like FakeNode's, and
    recording each request's method, path and Authorization header. Use with 'with'."""

    def __init__(self, answers):
        self.answers, self.requests = answers, []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def handle_one(self, method):
                outer.requests.append((method, self.path, self.headers.get("Authorization")))
                status, body = outer.answers.get((method, self.path), (404, {"error": "no route " + self.path}))
                data = json.dumps(body).encode() if not isinstance(body, bytes) else body
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                self.handle_one("GET")

            def do_PUT(self):
                self.handle_one("PUT")

            def do_DELETE(self):
                self.handle_one("DELETE")

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = "http://127.0.0.1:%d" % self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)
