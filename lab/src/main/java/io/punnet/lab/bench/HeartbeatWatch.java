package io.punnet.lab.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The longest time any member's heartbeat stood still in one node's view: polls that node's
 * {@code GET /api/v1/nodes} every {@code pollMs} and, whenever a member's heartbeat changes, measures
 * how long the previous value was shown. A gap is known when it ends (the heartbeat moves again), so
 * a reader waits a little after the interval it cares about. Resolution: the poll interval plus
 * REST's 250 ms cache of the view, on top of the node's 1 s gossip rounds.
 *
 * <p>Runs on a thread of its own; {@link #takeLongestMs()} and {@link #longestOverallMs()} are safe
 * to call from another.
 */
final class HeartbeatWatch implements Runnable {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final URI view;
    private final long pollMs;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, long[]> last = new HashMap<>(); // member -> {heartbeat, when it was first seen}
    private volatile boolean running = true;
    private long longestMs;
    private long longestOverallMs;
    private Thread thread;

    HeartbeatWatch(URI view, long pollMs) {
        this.view = view;
        this.pollMs = pollMs;
    }

    void start() {
        thread = new Thread(this, "heartbeat-watch");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5_000);
    }

    /** The longest gap that ended since the last call, and start again from zero. */
    synchronized long takeLongestMs() {
        long gap = longestMs;
        longestMs = 0;
        return gap;
    }

    /** The longest gap since {@link #resetOverall()}. */
    synchronized long longestOverallMs() {
        return longestOverallMs;
    }

    synchronized void resetOverall() {
        longestOverallMs = 0;
    }

    @Override
    public void run() {
        HttpRequest request = HttpRequest.newBuilder(view).timeout(TIMEOUT).GET().build();
        while (running) {
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    record(System.nanoTime() / 1_000_000, json.readTree(r.body()).path("nodes"));
                }
                Thread.sleep(pollMs);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // the node did not answer this time: the gap grows until it does
            }
        }
    }

    private synchronized void record(long nowMs, JsonNode members) {
        for (JsonNode m : members) {
            String name = m.path("name").asText();
            long heartbeat = m.path("heartbeat").asLong();
            long[] seen = last.get(name);
            if (seen == null || seen[0] != heartbeat) {
                if (seen != null) {
                    longestMs = Math.max(longestMs, nowMs - seen[1]);
                    longestOverallMs = Math.max(longestOverallMs, nowMs - seen[1]);
                }
                last.put(name, new long[] {heartbeat, nowMs});
            }
        }
    }
}
