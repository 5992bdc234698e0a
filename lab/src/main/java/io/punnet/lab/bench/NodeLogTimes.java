package io.punnet.lab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.punnet.lab.LabNode;

/**
 * When each rollout was taken and when each node had it ACTIVE, from the deploy agent's log lines of
 * every node (all nodes log with millisecond timestamps of the one machine clock):
 * {@code deploy: rollout <id> of …} on the node that took the post, and
 * {@code deploy: … is active (rollout <id>)} on every node that ran it.
 */
final class NodeLogTimes {

    private static final Pattern SUBMITTED = Pattern.compile("^(\\S+) INFO .*deploy: rollout (\\w+) of ");
    private static final Pattern ACTIVE = Pattern.compile("^(\\S+) INFO .*deploy: .* is active \\(rollout (\\w+)\\)");

    private final Map<String, LocalDateTime> submitted = new HashMap<>();
    private final Map<String, LocalDateTime> lastActive = new HashMap<>();

    static NodeLogTimes read(List<LabNode> nodes) throws IOException {
        NodeLogTimes times = new NodeLogTimes();
        for (LabNode node : nodes) {
            if (Files.isRegularFile(node.log())) {
                for (String line : Files.readAllLines(node.log())) {
                    times.take(line);
                }
            }
        }
        return times;
    }

    private void take(String line) {
        Matcher s = SUBMITTED.matcher(line);
        if (s.find()) {
            submitted.merge(s.group(2), LocalDateTime.parse(s.group(1)), (a, b) -> a.isBefore(b) ? a : b);
        }
        Matcher a = ACTIVE.matcher(line);
        if (a.find()) {
            lastActive.merge(a.group(2), LocalDateTime.parse(a.group(1)), (x, y) -> x.isAfter(y) ? x : y);
        }
    }

    /** Ms from the rollout's submission to the last node logging it ACTIVE; -1 when a line is missing. */
    long lastActiveAfterSubmitMs(String rolloutId) {
        LocalDateTime from = submitted.get(rolloutId);
        LocalDateTime to = lastActive.get(rolloutId);
        return from == null || to == null ? -1 : Duration.between(from, to).toMillis();
    }
}
