"""punnet-meta-data: read and change nodes' meta-data (services, tags) over the REST API.

  punnet-meta-data add-service NODE SERVICE      PUT    /api/v1/nodes/NODE/meta-data/services/SERVICE
  punnet-meta-data remove-service NODE SERVICE   DELETE /api/v1/nodes/NODE/meta-data/services/SERVICE
  punnet-meta-data add-tag NODE TAG              (and remove-tag: the same for tags)
  punnet-meta-data show [NODE]                   GET    /api/v1/meta-data (or one node's)

Any node takes the change and forwards it to NODE, which owns its meta-data; the answer (NODE's
meta-data after the change) is printed as JSON. Changes need the API token. Adding what is already
there is not an error (so playbooks and scripts can repeat it); removing what is not there is.
"""

import json

from . import cli
from .api import quote
from .errors import PunnetError

ACTIONS = {
    "add-service": ("PUT", "services"),
    "remove-service": ("DELETE", "services"),
    "add-tag": ("PUT", "tags"),
    "remove-tag": ("DELETE", "tags"),
}


def change(node, action, name, value):
    """Applies one change through ``node``; returns (printable result, already_done)."""
    method, kind = ACTIONS[action]
    path = "/api/v1/nodes/%s/meta-data/%s/%s" % (quote(name), kind, quote(value))
    status, body = node.call(method, path, accept=(200, 409) if method == "PUT" else (200,))
    if status == 409:
        return "%s already lists %s %r" % (name, kind[:-1], value), True
    return json.dumps(body, sort_keys=True), False


def main(argv):
    p = cli.parser("punnet-meta-data", __doc__)
    p.add_argument("action", choices=sorted(ACTIONS) + ["show"])
    p.add_argument("node", nargs="?")
    p.add_argument("value", nargs="?")
    args = p.parse_args(argv)
    node = cli.node(args)
    if args.action == "show":
        path = "/api/v1/nodes/%s/meta-data" % quote(args.node) if args.node else "/api/v1/meta-data"
        print(json.dumps(node.get(path), indent=1, sort_keys=True))
        return 0
    if not args.node or not args.value:
        raise PunnetError("%s needs a node name and a value" % args.action)
    if not node.token:
        raise PunnetError("changing meta-data needs the API token: set PUNNET_API_TOKEN (a node's "
                          "/etc/punnet/secrets.properties, api.token=)")
    text, _ = change(node, args.action, args.node, args.value)
    print(text)
    return 0
