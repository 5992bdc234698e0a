package io.punnet.opstest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The Ansible tooling's own checks, run from the Maven build: its Python unit tests
 * ({@code python3 -m unittest}, stdlib only: the scoring, the inventory script against an HTTP
 * server on 127.0.0.1, the meta-data CLI, launch's decisions, the mDNS packets), and Ansible's
 * syntax check of the playbooks when Ansible is installed.
 */
class AnsibleToolingTest {

    private static final int MIN_PYTHON_TESTS = 40;

    @Test
    void thePythonUnitTestsPass() {
        assumeTrue(Shell.has("python3"), "python3 is not installed");
        Shell.Result result = new Shell().in(Project.ansible()).timeout(Duration.ofSeconds(120))
                .run("python3", "-m", "unittest", "discover", "-s", "tests");
        System.out.println(result.output().lines().filter(l -> l.startsWith("Ran ") || l.startsWith("OK") || l.startsWith("FAILED"))
                .reduce("python unittest:", (a, b) -> a + " " + b));
        assertEquals(0, result.exit(), result.describe());
        Matcher ran = Pattern.compile("Ran (\\d+) tests?").matcher(result.output());
        assertTrue(ran.find(), result.output());
        assertTrue(Integer.parseInt(ran.group(1)) >= MIN_PYTHON_TESTS, "too few tests found: " + result.output());
    }

    @Test
    void thePlaybooksPassAnsiblesSyntaxCheck() {
        assumeTrue(Shell.has("ansible-playbook"), "ansible is not installed (Debian package ansible)");
        Shell.Result result = new Shell().in(Project.ansible()).timeout(Duration.ofSeconds(120))
                .env("ANSIBLE_NOCOLOR", "1")
                .run("ansible-playbook", "--syntax-check", "-i", "localhost,", "playbooks/nginx_webserver.yml",
                        "playbooks/load_balancer.yml");
        assertEquals(0, result.exit(), result.describe());
    }

    @Test
    void theShellScriptsPassShellcheck() {
        assumeTrue(Shell.has("shellcheck"), "shellcheck is not installed");
        Shell.Result result = new Shell().in(Project.packaging()).run("shellcheck", "-s", "sh", "debian/postinst",
                "debian/prerm", "debian/postrm", "bin/punnet-identity", "pi/install-punnet.sh");
        assertEquals(0, result.exit(), result.describe());
    }
}
