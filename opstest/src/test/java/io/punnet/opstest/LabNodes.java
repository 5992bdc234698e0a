package io.punnet.opstest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Punnet nodes, each with an SSH server, on the hosts of a {@link NetnsLab}: what a real cluster
 * of Pis looks like to Ansible. Each node is the built distribution ({@code run/target/punnet},
 * its {@code bin/punnet}) with its own conf and data directories, the shared cluster key and API
 * token, the first node as seed and mDNS on the namespace's interface only
 * ({@code PUNNET_DISCOVERY_INTERFACES=eth0}), so the inventory can find a node by mDNS. Each
 * sshd has its own configuration and host key, listens on its node's address only, and lets in
 * root with the test's key alone (no password, no PAM).
 *
 * <p>A node made busy runs with its own view of the machine (bind mounts in the private mount
 * namespace {@code ip netns exec} gives it): a {@code /proc/meminfo} with 2 % of the memory
 * available and a thermal zone at 78 C. Its monitoring bundle reads them like any other figures
 * (OSHI) and gossips them; the load average cannot be made per node (the kernel's is
 * machine-wide, read through sysinfo(2)), so all nodes show the machine's load.
 */
final class LabNodes {

    static final String TOKEN = "lab-token-" + Long.toHexString(new SecureRandom().nextLong());
    private static final String DIST = "run/target/punnet";

    private final NetnsLab lab;
    private final String clusterKey;
    private final Map<String, Process> nodes = new LinkedHashMap<>();
    private final Path sshKey;

    LabNodes(NetnsLab lab) throws IOException {
        this.lab = lab;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.clusterKey = Base64.getEncoder().encodeToString(key);
        this.sshKey = lab.dir().resolve("id_ed25519");
        new Shell().run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", sshKey.toString()).check();
        Files.copy(lab.dir().resolve("id_ed25519.pub"), lab.dir().resolve("authorized_keys"));
    }

    static Path distribution() {
        return Project.root().resolve(DIST);
    }

    Path sshKey() {
        return sshKey;
    }

    /** Starts sshd and a Punnet node on a host; {@code busy}: the node sees a starved, hot machine. */
    void start(String host, boolean busy) throws IOException {
        Path dir = Files.createDirectories(lab.dir().resolve(host));
        Files.createDirectories(dir.resolve("data"));
        new Shell().run("cp", "-r", distribution().resolve("conf").toString(), dir.resolve("conf").toString()).check();
        startSshd(host, dir);
        String prefix = busy ? busyView(dir) : "";
        Map<String, String> env = new HashMap<>();
        env.put("PUNNET_CONF_DIR", dir.resolve("conf").toString());
        env.put("PUNNET_DATA_DIR", dir.resolve("data").toString());
        env.put("HOME", dir.resolve("data").toString());
        env.put("PUNNET_NODE_NAME", host);
        env.put("PUNNET_BIND_ADDRESS", lab.address(host));
        env.put("PUNNET_CLUSTER_KEY", clusterKey);
        env.put("PUNNET_API_TOKEN", TOKEN);
        env.put("PUNNET_SEEDS", lab.address("n1") + ":7946");
        env.put("PUNNET_DISCOVERY_INTERFACES", "eth0"); // the namespace's own interface: mDNS stays in the lab
        env.put("PUNNET_CONSOLE_PASSWORD", "lab-console-" + TOKEN);
        nodes.put(host, lab.spawn(host, env, dir.resolve("node.log"), "sh", "-c",
                prefix + "exec " + distribution().resolve("bin/punnet")));
    }

    private void startSshd(String host, Path dir) throws IOException {
        Files.createDirectories(Path.of("/run/sshd")); // sshd's privilege separation directory
        Path hostKey = dir.resolve("ssh_host_ed25519_key");
        new Shell().run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", hostKey.toString()).check();
        Path config = dir.resolve("sshd_config");
        Files.writeString(config, String.join("\n",
                "ListenAddress " + lab.address(host),
                "HostKey " + hostKey,
                "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + lab.dir().resolve("authorized_keys"),
                "PermitRootLogin prohibit-password",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                "StrictModes no",
                "Subsystem sftp internal-sftp", ""));
        lab.spawn(host, Map.of(), dir.resolve("sshd.log"), "/usr/sbin/sshd", "-D", "-e", "-f", config.toString());
    }

    /** The shell prefix that gives a node its busy view of the machine (see the class comment). */
    private static String busyView(Path dir) throws IOException {
        List<String> meminfo = new ArrayList<>();
        long total = 0;
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                total = Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        long available = total / 50;
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemAvailable:") || line.startsWith("MemFree:")) {
                line = line.substring(0, line.indexOf(':') + 1) + "   " + available + " kB";
            }
            meminfo.add(line);
        }
        Path fakeMeminfo = dir.resolve("meminfo");
        Files.write(fakeMeminfo, meminfo);
        Path zone = Files.createDirectories(dir.resolve("thermal/thermal_zone0"));
        Files.writeString(zone.resolve("type"), "cpu-thermal\n");
        Files.writeString(zone.resolve("temp"), "78000\n");
        return "mount --bind " + fakeMeminfo + " /proc/meminfo && mount --bind " + dir.resolve("thermal")
                + " /sys/class/thermal && ";
    }

    /** Stops a node (SIGTERM: it leaves the cluster gracefully), bounded. */
    void stop(String host) throws InterruptedException {
        NetnsLab.stop(nodes.get(host));
    }

    /** The environment the Ansible tools run with on the administrator's machine. */
    Map<String, String> adminEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("PUNNET_URL", "http://" + lab.address("n1") + ":8080");
        env.put("PUNNET_API_TOKEN", TOKEN);
        env.put("ANSIBLE_HOST_KEY_CHECKING", "False");
        env.put("ANSIBLE_PRIVATE_KEY_FILE", sshKey.toString());
        env.put("ANSIBLE_REMOTE_USER", "root");
        env.put("ANSIBLE_PYTHON_INTERPRETER", "/usr/bin/python3");
        env.put("ANSIBLE_PIPELINING", "True");
        env.put("ANSIBLE_SSH_ARGS", "-o ControlMaster=no -o UserKnownHostsFile=/dev/null -o StrictHostKeyChecking=no");
        env.put("ANSIBLE_LOCAL_TEMP", lab.dir().resolve("ansible-local").toString());
        env.put("ANSIBLE_NOCOLOR", "1");
        return env;
    }

    /** ansible-playbook's option that gives each node its own instance directories in the lab. */
    String rootOption() {
        return "punnet_root=" + lab.dir() + "/{{ inventory_hostname }}/srv";
    }

    static boolean logsShowAStart(Path log) throws IOException {
        return Files.exists(log) && Files.readString(log).contains("punnet: node");
    }

    static Duration startTimeout() {
        return Duration.ofSeconds(150);
    }
}
