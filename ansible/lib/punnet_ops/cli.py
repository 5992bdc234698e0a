"""What the command-line tools share: the node and token options, and errors shown as one line."""

import argparse
import os
import sys

from . import finder, tokens
from .api import Node
from .errors import PunnetError


def parser(prog, description):
    p = argparse.ArgumentParser(prog=prog, description=description,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--url", help="a node's API, e.g. http://10.0.0.5:8080 (default: $PUNNET_URL, else mDNS)")
    p.add_argument("--token", help="the REST API token (default: $PUNNET_API_TOKEN, "
                                   "$PUNNET_API_TOKEN_FILE, /etc/punnet/secrets.properties)")
    p.add_argument("--token-file", help="a file with the token alone, or a node's secrets.properties")
    return p


def environment(args):
    env = dict(os.environ)
    if args.url:
        env["PUNNET_URL"] = args.url
    return env


def node(args, env=None):
    """The first node of the candidates that answers GET /api/v1/node, with the token resolved."""
    env = env or environment(args)
    token = tokens.resolve(args.token, args.token_file, env)
    problems = []
    for url in finder.candidates(env):
        candidate = Node(url, token)
        try:
            candidate.get("/api/v1/node")
            return candidate
        except PunnetError as e:
            problems.append(str(e))
    raise PunnetError("; ".join(problems))


def run(prog, main, argv=None):
    """Runs main(argv) -> exit code; a PunnetError becomes 'prog: message' on stderr and exit 1."""
    try:
        return main(sys.argv[1:] if argv is None else argv)
    except PunnetError as e:
        print("%s: %s" % (prog, e), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
