"""The cluster as Ansible's dynamic inventory JSON.

The node answers ``GET /api/v1/inventory`` with the complete ``--list`` document: groups ``alive``,
one per service (nodes whose meta-data lists it), ``<service>_available`` (those that are ALIVE),
``tag_<tag>``, and ``_meta.hostvars`` (``ansible_host``, ``punnet_status``, ``punnet_services``,
``punnet_tags``, ``punnet_load1``, ``punnet_cpu_count``, ``punnet_mem_available_bytes``,
``punnet_temperature_celsius``, ...). This module fetches it from the first node that answers,
checks its shape (a wrong answer is an error, not an empty inventory that would make a playbook
silently do nothing) and adds ``punnet_url`` to each host: the node that described the cluster.
"""

import json

from .api import Node
from .errors import PunnetError, Unreachable

ROUTES = ("/api/v1/inventory", "/inventory")


def fetch(urls, node_factory=Node):
    """(url, inventory) from the first of ``urls`` that answers."""
    problems = []
    for url in urls:
        node = node_factory(url)
        for route in ROUTES:
            try:
                return url, checked(node.get(route), url + route)
            except Unreachable as e:
                problems.append(str(e))
                break
            except PunnetError as e:
                problems.append(str(e))
    raise PunnetError("no node gave an inventory: " + "; ".join(problems))


def checked(inventory, where):
    """The inventory if it has Ansible's --list shape; PunnetError naming what is wrong otherwise."""
    if not isinstance(inventory, dict):
        raise PunnetError("%s is not a JSON object" % where)
    meta = inventory.get("_meta")
    if not isinstance(meta, dict) or not isinstance(meta.get("hostvars"), dict):
        raise PunnetError("%s has no _meta.hostvars" % where)
    for group, body in inventory.items():
        if group != "_meta" and not (isinstance(body, dict) and isinstance(body.get("hosts"), list)):
            raise PunnetError("%s: group %r has no hosts list" % (where, group))
    inventory.setdefault("alive", {"hosts": []})
    return inventory


def with_source(inventory, url):
    for hostvars in inventory["_meta"]["hostvars"].values():
        hostvars.setdefault("punnet_url", url)
    return inventory


def list_json(urls, node_factory=Node):
    url, inventory = fetch(urls, node_factory)
    return json.dumps(with_source(inventory, url), indent=1, sort_keys=True)


def host_json(urls, name, node_factory=Node):
    url, inventory = fetch(urls, node_factory)
    return json.dumps(with_source(inventory, url)["_meta"]["hostvars"].get(name, {}), indent=1, sort_keys=True)
