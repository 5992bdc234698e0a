"""A Punnet node's REST API over urllib: JSON in, JSON out, every failure a PunnetError that says
which node, which route and what the node answered (its ``{"error": ...}`` or ``{"err": ...}``)."""

import json
import urllib.error
import urllib.parse
import urllib.request

from .errors import PunnetError, Unreachable

DEFAULT_TIMEOUT_S = 5.0


class Node:
    """One node's API at ``url`` (``http://host:8080``); ``token`` for changes (Authorization: Bearer)."""

    def __init__(self, url, token=None, timeout_s=DEFAULT_TIMEOUT_S):
        self.url = url.rstrip("/")
        self.token = token
        self.timeout_s = timeout_s

    def get(self, path):
        return self.call("GET", path)[1]

    def call(self, method, path, accept=(200,)):
        """(status, parsed JSON body or None); raises PunnetError for a status outside ``accept``."""
        request = urllib.request.Request(self.url + path, method=method)
        request.add_header("Accept", "application/json")
        if self.token and method != "GET":
            request.add_header("Authorization", "Bearer " + self.token)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_s) as response:
                status, body = response.status, response.read()
        except urllib.error.HTTPError as e:
            status, body = e.code, e.read()
        except (urllib.error.URLError, OSError) as e:
            reason = getattr(e, "reason", e)
            raise Unreachable("cannot reach the Punnet node at %s: %s" % (self.url, reason)) from None
        parsed = parse(body)
        if status not in accept:
            raise PunnetError("%s %s%s answered %d: %s" % (method, self.url, path, status, problem(parsed, body)))
        return status, parsed


def parse(body):
    try:
        return json.loads(body.decode("utf-8")) if body else None
    except (UnicodeDecodeError, ValueError):
        return None


def problem(parsed, body):
    """The node's own explanation of a refusal, whatever shape it used."""
    if isinstance(parsed, dict):
        for key in ("error", "err", "detail", "title", "message"):
            if parsed.get(key):
                return str(parsed[key])
    text = body.decode("utf-8", "replace").strip() if body else ""
    return text[:200] or "no explanation"


def quote(segment):
    """A path segment, percent-encoded (a service or node name never changes the route)."""
    return urllib.parse.quote(segment, safe="")
