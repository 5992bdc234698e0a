import io
import json
import unittest
from contextlib import redirect_stderr, redirect_stdout

from support import HttpNode

from punnet_ops import cli, metadata

NODE = ("GET", "/api/v1/node")
ADD = ("PUT", "/api/v1/nodes/n2/meta-data/services/nginx_webserver")
REMOVE = ("DELETE", "/api/v1/nodes/n2/meta-data/services/nginx_webserver")


def run(argv):
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = cli.run("punnet-meta-data", metadata.main, argv)
    return code, out.getvalue(), err.getvalue()


class MetaDataCliTest(unittest.TestCase):
    """punnet-meta-data against a real HTTP server on 127.0.0.1 standing in for a node."""

    def test_add_service_is_a_put_with_the_bearer_token_and_prints_the_result(self):
        after = {"node": "n2", "services": ["nginx_webserver"], "tags": []}
        with HttpNode({NODE: (200, {"name": "n1"}), ADD: (200, after)}) as node:
            code, out, err = run(["add-service", "n2", "nginx_webserver", "--url", node.url, "--token", "t0ken-0123456789"])
        self.assertEqual(0, code, err)
        self.assertEqual(after, json.loads(out))
        self.assertIn(("PUT", ADD[1], "Bearer t0ken-0123456789"), node.requests)

    def test_adding_what_is_there_already_is_not_an_error(self):
        with HttpNode({NODE: (200, {}), ADD: (409, {"error": "duplicate"})}) as node:
            code, out, _ = run(["add-service", "n2", "nginx_webserver", "--url", node.url, "--token", "t"])
        self.assertEqual(0, code)
        self.assertIn("already lists service", out)

    def test_remove_service_is_a_delete_and_its_refusal_is_shown(self):
        with HttpNode({NODE: (200, {}), REMOVE: (404, {"error": "n2 does not list nginx_webserver"})}) as node:
            code, out, err = run(["remove-service", "n2", "nginx_webserver", "--url", node.url, "--token", "t"])
        self.assertEqual(1, code)
        self.assertEqual("", out)
        self.assertIn("answered 404: n2 does not list nginx_webserver", err)

    def test_a_wrong_token_is_reported_with_the_nodes_reason(self):
        with HttpNode({NODE: (200, {}), ADD: (401, {"error": "the bearer token is wrong"})}) as node:
            code, _, err = run(["add-service", "n2", "nginx_webserver", "--url", node.url, "--token", "bad"])
        self.assertEqual(1, code)
        self.assertIn("the bearer token is wrong", err)

    def test_a_change_without_any_token_is_refused_before_asking(self):
        with HttpNode({NODE: (200, {})}) as node:
            code, _, err = run(["add-service", "n2", "nginx_webserver", "--url", node.url, "--token-file", "/dev/null"])
        self.assertEqual(1, code)
        self.assertIn("token", err)
        self.assertNotIn("PUT", [r[0] for r in node.requests])

    def test_names_are_percent_encoded_into_one_path_segment(self):
        with HttpNode({NODE: (200, {}), ("PUT", "/api/v1/nodes/n2/meta-data/tags/a%2Fb"): (200, {"node": "n2"})}) as node:
            code, _, err = run(["add-tag", "n2", "a/b", "--url", node.url, "--token", "t"])
        self.assertEqual(0, code, err)

    def test_show_prints_every_nodes_meta_data(self):
        everything = {"n1": {"services": [], "tags": []}, "n2": {"services": ["web"], "tags": ["rack1"]}}
        with HttpNode({NODE: (200, {}), ("GET", "/api/v1/meta-data"): (200, everything)}) as node:
            code, out, _ = run(["show", "--url", node.url])
        self.assertEqual(0, code)
        self.assertEqual(everything, json.loads(out))


if __name__ == "__main__":
    unittest.main()
