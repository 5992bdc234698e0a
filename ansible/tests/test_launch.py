import io
import unittest
from contextlib import redirect_stderr
from unittest import mock

from support import FakeNode, hostvars, inventory

from punnet_ops import launch

SUSPICIONS = ("GET", "/api/v1/suspicions")


class LaunchTest(unittest.TestCase):
    """launch's decisions, with the node, the inventory and ansible-playbook replaced by fakes."""

    def setUp(self):
        self.cluster = inventory({"busy": hostvars(load1=3.8), "idle1": hostvars(load1=0.2),
                                  "idle2": hostvars(load1=0.4), "lb": hostvars(load1=0.3, services=["load_balancer"])})
        self.answers = {SUSPICIONS: (200, {"suspected": {}})}
        self.node = None
        self.runs = []
        self.outcome = {}

        def node_factory(url, token=None):
            self.node = FakeNode(url, self.answers, token)
            return self.node

        def fake_run(book, limit, url, extra=(), out=None, **kw):
            self.runs.append((book.rsplit("/", 1)[-1], list(limit)))
            return (0 if all(self.outcome.get(h, True) for h in limit) else 2), {h: self.outcome.get(h, True) for h in limit}

        for target, value in (("finder.candidates", lambda env: ["http://n:8080"]),
                              ("inventory.fetch", lambda urls: ("http://n:8080", self.cluster)),
                              ("Node", node_factory), ("playbook.run", fake_run),
                              ("playbook.path", lambda service: "/p/%s.yml" % service)):
            patcher = mock.patch("punnet_ops.launch." + target, value)
            patcher.start()
            self.addCleanup(patcher.stop)

    def launch(self, *argv):
        out, err = io.StringIO(), io.StringIO()
        with redirect_stderr(err):
            code = launch.main(list(argv) + ["--token", "t0ken"], out=out)
        return code, out.getvalue(), err.getvalue()

    def record(self, host, service="nginx_webserver"):
        self.answers[("PUT", "/api/v1/nodes/%s/meta-data/services/%s" % (host, service))] = (200, {"node": host})

    def test_dry_run_prints_the_plan_and_runs_nothing(self):
        code, out, _ = self.launch("2", "nginx_webserver", "--dry-run")
        self.assertEqual(0, code)
        self.assertEqual([], self.runs)
        chosen = [line.split()[1] for line in out.splitlines() if line.startswith("->")]
        self.assertEqual(["idle1", "lb"], chosen)
        self.assertIn("busy", out)

    def test_the_playbook_runs_on_the_chosen_nodes_which_are_then_recorded(self):
        for host in ("idle1", "lb"):
            self.record(host)
        code, out, err = self.launch("2", "nginx_webserver")
        self.assertEqual(0, code, err)
        self.assertEqual(("nginx_webserver.yml", ["idle1", "lb"]), self.runs[0])
        puts = [c for c in self.node.calls if c[0] == "PUT"]
        self.assertEqual([("PUT", "/api/v1/nodes/idle1/meta-data/services/nginx_webserver"),
                          ("PUT", "/api/v1/nodes/lb/meta-data/services/nginx_webserver")], puts)
        self.assertEqual(("load_balancer.yml", ["lb"]), self.runs[1], "the load balancer is rendered again")
        self.assertIn("launched nginx_webserver on idle1, lb", out)

    def test_a_node_the_playbook_failed_on_is_not_recorded(self):
        self.record("idle1")
        self.outcome = {"lb": False}
        code, _, err = self.launch("2", "nginx_webserver")
        self.assertEqual(1, code)
        puts = [c[1] for c in self.node.calls if c[0] == "PUT"]
        self.assertEqual(["/api/v1/nodes/idle1/meta-data/services/nginx_webserver"], puts)
        self.assertIn("the playbook failed on lb; not recorded there", err)

    def test_suspected_nodes_are_not_chosen(self):
        self.answers[SUSPICIONS] = (200, {"suspected": {"idle1": ["idle2"]}})
        _, out, _ = self.launch("1", "nginx_webserver", "--dry-run")
        self.assertIn("suspected by idle2", out)
        self.assertEqual(["lb"], [line.split()[1] for line in out.splitlines() if line.startswith("->")])

    def test_not_enough_nodes_is_exit_3_before_anything_runs(self):
        code, out, err = self.launch("5", "nginx_webserver")
        self.assertEqual(launch.EXIT_NOT_ENOUGH, code)
        self.assertEqual([], self.runs)
        self.assertIn("needs 5 nodes but only 4 are eligible (of 4)", err)
        self.assertIn("nothing was run", err)
        self.assertIsNone(next((c for c in self.node.calls if c[0] == "PUT"), None))


if __name__ == "__main__":
    unittest.main()
