import io
import unittest
from unittest import mock

from support import hostvars, inventory

from punnet_ops import lbsync


class LbSyncTest(unittest.TestCase):
    """punnet-lb-sync renders the balancers when, and only when, the live web servers change."""

    def setUp(self):
        self.nodes = {"lb": hostvars(services=["load_balancer"]), "w1": hostvars(services=["nginx_webserver"]),
                      "w2": hostvars(services=["nginx_webserver"])}
        self.runs = []
        self.code = 0
        patches = {
            "finder.candidates": lambda env: ["http://n:8080"],
            "inventory.fetch": lambda urls: ("http://n:8080", inventory(self.nodes)),
            "playbook.path": lambda service: "/p/%s.yml" % service,
            "playbook.run": self.fake_run,
        }
        for target, value in patches.items():
            patcher = mock.patch("punnet_ops.lbsync." + target, value)
            patcher.start()
            self.addCleanup(patcher.stop)

    def fake_run(self, book, limit, url, extra=(), out=None):
        self.runs.append((book, list(limit), list(extra)))
        return self.code, {h: self.code == 0 for h in limit}

    def sync(self, last):
        return lbsync.sync_once({}, last, io.StringIO(), ["-e", "x=1"])

    def test_the_first_round_renders_on_the_balancers_with_the_options(self):
        self.assertEqual(["w1", "w2"], self.sync(None))
        self.assertEqual([("/p/load_balancer.yml", ["lb"], ["-e", "x=1"])], self.runs)

    def test_nothing_changed_nothing_rendered(self):
        self.assertEqual(["w1", "w2"], self.sync(["w1", "w2"]))
        self.assertEqual([], self.runs)

    def test_a_web_server_whose_node_died_is_rendered_out(self):
        self.nodes["w2"]["punnet_status"] = "DEAD"
        self.assertEqual(["w1"], self.sync(["w1", "w2"]))
        self.assertEqual(1, len(self.runs))

    def test_a_failed_render_is_tried_again_next_round(self):
        self.code = 2
        last = self.sync(["w1"])
        self.assertEqual(["w1"], last, "still the last rendered set: the change is not taken as done")
        self.sync(last)
        self.assertEqual(2, len(self.runs))

    def test_without_balancers_nothing_runs(self):
        self.nodes["lb"]["punnet_services"] = []
        self.assertEqual(None, self.sync(None))
        self.assertEqual([], self.runs)


if __name__ == "__main__":
    unittest.main()
