import json
import os
import subprocess
import sys
import unittest

from support import HttpNode, hostvars, inventory

from punnet_ops import inventory as inv_mod
from punnet_ops.errors import PunnetError

SCRIPT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "inventory", "punnet")


def run_script(*args, url):
    env = dict(os.environ, PUNNET_URL=url)
    return subprocess.run([sys.executable, SCRIPT] + list(args), env=env, capture_output=True, text=True, timeout=30)


class InventoryScriptTest(unittest.TestCase):
    """The executable, against a real HTTP node on 127.0.0.1, as Ansible runs it."""

    def setUp(self):
        self.cluster = inventory({"n1": hostvars(services=["nginx_webserver"]), "n2": hostvars(status="SUSPECT",
                                                                                               services=["nginx_webserver"])})

    def test_list_prints_the_nodes_groups_and_hostvars(self):
        with HttpNode({("GET", "/api/v1/inventory"): (200, self.cluster)}) as node:
            done = run_script("--list", url=node.url)
        self.assertEqual(0, done.returncode, done.stderr)
        listed = json.loads(done.stdout)
        self.assertEqual(["n1"], listed["alive"]["hosts"])
        self.assertEqual(["n1", "n2"], listed["nginx_webserver"]["hosts"])
        self.assertEqual(["n1"], listed["nginx_webserver_available"]["hosts"])
        self.assertEqual("SUSPECT", listed["_meta"]["hostvars"]["n2"]["punnet_status"])
        self.assertEqual(node.url, listed["_meta"]["hostvars"]["n1"]["punnet_url"])

    def test_host_prints_one_hosts_variables(self):
        with HttpNode({("GET", "/api/v1/inventory"): (200, self.cluster)}) as node:
            done = run_script("--host", "n1", url=node.url)
        self.assertEqual(0, done.returncode, done.stderr)
        self.assertEqual(0.0, json.loads(done.stdout)["punnet_load1"])

    def test_an_older_node_is_asked_at_slash_inventory(self):
        with HttpNode({("GET", "/inventory"): (200, self.cluster)}) as node:
            done = run_script("--list", url=node.url)
        self.assertEqual(0, done.returncode, done.stderr)
        self.assertIn("n1", json.loads(done.stdout)["alive"]["hosts"])

    def test_an_unreachable_node_is_one_line_on_stderr_and_exit_1(self):
        with HttpNode({}) as node:
            url = node.url
        done = run_script("--list", url=url)  # the server is closed now
        self.assertEqual(1, done.returncode)
        self.assertEqual("", done.stdout)
        self.assertIn("cannot reach the Punnet node at " + url, done.stderr)
        self.assertEqual(1, len(done.stderr.strip().splitlines()), done.stderr)


class ShapeTest(unittest.TestCase):

    def test_a_document_without_hostvars_is_an_error_not_an_empty_inventory(self):
        with self.assertRaises(PunnetError):
            inv_mod.checked({"alive": {"hosts": []}}, "x")

    def test_a_group_without_a_hosts_list_is_an_error(self):
        with self.assertRaises(PunnetError):
            inv_mod.checked({"web": ["n1"], "_meta": {"hostvars": {}}}, "x")

    def test_a_missing_alive_group_is_added_empty(self):
        self.assertEqual({"hosts": []}, inv_mod.checked({"_meta": {"hostvars": {}}}, "x")["alive"])


if __name__ == "__main__":
    unittest.main()
