import os
import tempfile
import unittest

import support  # noqa: F401 (puts the library on the path)
from punnet_ops import recap, tokens
from punnet_ops.errors import PunnetError

RECAP = """
PLAY RECAP *********************************************************************
n1                         : ok=9    changed=4    unreachable=0    failed=0    skipped=3    rescued=0    ignored=0
n2                         : ok=2    changed=0    unreachable=0    failed=1    skipped=0    rescued=0    ignored=0
n3                         : ok=0    changed=0    unreachable=1    failed=0    skipped=0    rescued=0    ignored=0
"""


class RecapTest(unittest.TestCase):

    def test_only_reached_hosts_without_failures_succeeded(self):
        self.assertEqual({"n1": True, "n2": False, "n3": False}, recap.outcomes(RECAP))

    def test_no_recap_means_no_success(self):
        self.assertEqual({}, recap.outcomes("ERROR! the playbook could not be parsed"))


class TokensTest(unittest.TestCase):

    def test_order_option_environment_file(self):
        with tempfile.NamedTemporaryFile("w", suffix=".properties", delete=False) as f:
            f.write("# secrets\ncluster.key=abc\napi.token=from-file-0123456789\n")
        try:
            self.assertEqual("given", tokens.resolve("given", f.name, {"PUNNET_API_TOKEN": "env"}))
            self.assertEqual("env", tokens.resolve(None, f.name, {"PUNNET_API_TOKEN": "env"}))
            self.assertEqual("from-file-0123456789", tokens.resolve(None, f.name, {}))
            self.assertEqual("from-file-0123456789", tokens.resolve(None, None, {"PUNNET_API_TOKEN_FILE": f.name}))
        finally:
            os.unlink(f.name)

    def test_a_file_with_the_token_alone(self):
        with tempfile.NamedTemporaryFile("w", delete=False) as f:
            f.write("just-the-token-0123456789\n")
        try:
            self.assertEqual("just-the-token-0123456789", tokens.from_file(f.name))
        finally:
            os.unlink(f.name)

    def test_an_unreadable_or_unrelated_file_is_a_clear_error(self):
        with self.assertRaises(PunnetError):
            tokens.from_file("/nonexistent/po-token")
        with tempfile.NamedTemporaryFile("w", delete=False) as f:
            f.write("a=b\nc=d\n")
        try:
            with self.assertRaises(PunnetError) as raised:
                tokens.from_file(f.name)
            self.assertIn("no api.token= line", str(raised.exception))
        finally:
            os.unlink(f.name)


if __name__ == "__main__":
    unittest.main()


class PlaybookTimeoutTest(unittest.TestCase):

    def test_a_silent_hung_playbook_is_stopped_at_the_deadline(self):
        import io
        import time
        from unittest import mock
        from punnet_ops import playbook
        from punnet_ops.errors import PunnetError
        with tempfile.TemporaryDirectory() as d:
            fake = os.path.join(d, "ansible-playbook")
            with open(fake, "w") as f:
                f.write("#!/bin/sh\nexec sleep 30\n")
            os.chmod(fake, 0o755)
            with mock.patch.dict(os.environ, {"PATH": d + os.pathsep + os.environ["PATH"]}):
                started = time.monotonic()
                with self.assertRaises(PunnetError) as raised:
                    playbook.run("x.yml", ["n1"], "http://n:8080", timeout_s=0.5, out=io.StringIO())
                self.assertLess(time.monotonic() - started, 10)
        self.assertIn("ran longer than", str(raised.exception))
