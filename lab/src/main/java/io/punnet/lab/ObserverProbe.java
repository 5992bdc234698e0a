package io.punnet.lab;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The observer's main, run by {@link Observer} inside the lab's observer namespace (the only place
 * that reaches the nodes' addresses): polls {@code GET /api/v1/nodes} of every node it is told
 * about, each on its own thread every {@code pollMs}, and prints one line per answer:
 * <pre>V &lt;epoch ms&gt; &lt;node&gt; &lt;http code, 0 when unreachable&gt; &lt;member&gt;:&lt;STATUS&gt;:&lt;generation&gt;;…</pre>
 * Commands on standard input: {@code add <node> <address> <http port>}, {@code remove <node>},
 * {@code quit} (or end of input).
 */
public final class ObserverProbe {

    private static final Duration TIMEOUT = Duration.ofMillis(1_500);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Thread> pollers = new ConcurrentHashMap<>();
    private final long pollMs;

    private ObserverProbe(long pollMs) {
        this.pollMs = pollMs;
    }

    public static void main(String[] args) throws Exception {
        ObserverProbe probe = new ObserverProbe(Long.parseLong(args[0]));
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null && !line.equals("quit")) {
                String[] w = line.trim().split(" ");
                if (w[0].equals("add") && w.length == 4) {
                    probe.add(w[1], "http://" + w[2] + ":" + w[3] + "/api/v1/nodes");
                } else if (w[0].equals("remove") && w.length == 2) {
                    Thread t = probe.pollers.remove(w[1]);
                    if (t != null) {
                        t.interrupt();
                    }
                }
            }
        }
        System.exit(0);
    }

    private void add(String node, String url) {
        Thread t = new Thread(() -> poll(node, URI.create(url)), "poll-" + node);
        t.setDaemon(true);
        Thread old = pollers.put(node, t);
        if (old != null) {
            old.interrupt();
        }
        t.start();
    }

    private void poll(String node, URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
        while (!Thread.currentThread().isInterrupted()) {
            long started = System.currentTimeMillis();
            int code = 0;
            String members = "";
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                code = r.statusCode();
                if (code == 200) {
                    members = members(r.body());
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                code = 0;
            }
            print("V " + System.currentTimeMillis() + " " + node + " " + code + " " + members);
            long left = pollMs - (System.currentTimeMillis() - started);
            if (left > 0) {
                try {
                    Thread.sleep(left);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private String members(String body) throws Exception {
        StringBuilder s = new StringBuilder();
        for (JsonNode n : json.readTree(body).path("nodes")) {
            s.append(n.path("name").asText()).append(':').append(n.path("status").asText()).append(':')
                    .append(n.path("generation").asLong()).append(';');
        }
        return s.toString();
    }

    private static synchronized void print(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
