package io.punnet.lab.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The rollout benchmark's main inside the lab's observer namespace (the only place that reaches the
 * nodes): watches node 1's heartbeats ({@link HeartbeatWatch}) for a baseline with no rollout, then
 * posts every jar of a directory, in name order, to node 1 ({@code POST /api/v1/bundles?target=all}),
 * each after the one before finished, and times each from the post to node 1 reporting the rollout
 * done with every node ACTIVE ({@code GET /api/v1/rollouts/{id}}, polled every 50 ms). One line per
 * figure on standard output:
 * <pre>
 * B &lt;longest heartbeat gap in the baseline, ms&gt;
 * R &lt;jar&gt; &lt;rollout id&gt; &lt;ms to done&gt; &lt;phase&gt; &lt;nodes ACTIVE&gt;/&lt;nodes&gt; &lt;ms when node 1 first showed each
 *   node ACTIVE, sorted, comma-separated&gt; &lt;longest gap that ended during it, ms&gt;
 * S &lt;longest gap during the whole series, ms&gt; &lt;series length, ms&gt;
 * </pre>
 * Arguments: node 1's address, the HTTP port, the API token, the jar directory, the baseline and
 * the pause between rollouts in ms.
 */
public final class RolloutProbe {

    private static final long POLL_MS = 50;
    private static final long ROLLOUT_TIMEOUT_MS = 120_000;
    /** How long after a rollout a gap that was still open when it ended may take to close. */
    private static final long GAP_CLOSE_MS = 2_000;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String base;
    private final String token;

    private RolloutProbe(String base, String token) {
        this.base = base;
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        String base = "http://" + args[0] + ":" + args[1];
        RolloutProbe probe = new RolloutProbe(base, args[2]);
        List<Path> jars;
        try (Stream<Path> files = Files.list(Path.of(args[3]))) {
            jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        HeartbeatWatch watch = new HeartbeatWatch(URI.create(base + "/api/v1/nodes"), 100);
        watch.start();
        Thread.sleep(Long.parseLong(args[4]));
        print("B " + watch.takeLongestMs());
        watch.resetOverall();
        long seriesStart = System.currentTimeMillis();
        for (Path jar : jars) {
            watch.takeLongestMs();
            print(probe.rollOut(jar) + " " + watch.takeLongestMs());
            Thread.sleep(Long.parseLong(args[5]));
        }
        print("S " + watch.longestOverallMs() + " " + (System.currentTimeMillis() - seriesStart));
        watch.stop();
        System.exit(0);
    }

    /** "R name ms phase active/all", once the rollout is done (or timed out) and its gaps had time to close. */
    private String rollOut(Path jar) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/bundles?target=all"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/java-archive")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofFile(jar)).build(),
                HttpResponse.BodyHandlers.ofString());
        String name = jar.getFileName().toString();
        if (posted.statusCode() != 202) {
            return "R " + name + " -1 REFUSED-" + posted.statusCode() + " 0/0";
        }
        String id = json.readTree(posted.body()).path("id").asText();
        JsonNode status = json.nullNode();
        Map<String, Long> learned = new TreeMap<>(); // node -> ms after the post when node 1 first showed it ACTIVE
        long deadline = start + ROLLOUT_TIMEOUT_MS * 1_000_000;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/rollouts/" + id))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                status = json.readTree(r.body());
                for (JsonNode n : status.path("nodes")) {
                    if (n.path("state").asText().equals("ACTIVE")) {
                        learned.putIfAbsent(n.path("node").asText(), (System.nanoTime() - start) / 1_000_000);
                    }
                }
                if (status.path("done").asBoolean()) {
                    break;
                }
            }
            Thread.sleep(POLL_MS);
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        int all = status.path("nodes").size();
        Thread.sleep(GAP_CLOSE_MS);
        return "R " + name + " " + id + " " + ms + " " + status.path("phase").asText("TIMEOUT") + " " + learned.size() + "/"
                + all + " " + learned.values().stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static void print(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
