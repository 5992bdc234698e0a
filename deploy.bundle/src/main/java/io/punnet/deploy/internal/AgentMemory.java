package io.punnet.deploy.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.punnet.deploy.core.DesiredEntry;
import io.punnet.deploy.core.DesiredStateCodec;
import io.punnet.deploy.core.NodeReport;
import io.punnet.deploy.core.StatusCodec;

/**
 * What the agent must not forget across restarts, in {@code <data>/.punnet/deploy/memory}: the
 * latest desired entries it saw (so an older entry gossiped again never wins, and so a node
 * restarted alone still knows what to run) and its own reports (so a rollout that failed here is
 * not retried in a loop). One line per item, each in its gossip form: {@code d 1|<entry>} or
 * {@code r 1|<report>}; written atomically. A damaged line is skipped.
 */
final class AgentMemory {

    private final Path file;
    private final DesiredStateCodec desiredCodec = new DesiredStateCodec();
    private final StatusCodec statusCodec = new StatusCodec();

    AgentMemory(Path file) {
        this.file = file;
    }

    /** What was remembered. */
    record Contents(List<DesiredEntry> desired, List<NodeReport> reports) {
    }

    Contents load() throws IOException {
        List<DesiredEntry> desired = new ArrayList<>();
        List<NodeReport> reports = new ArrayList<>();
        if (Files.isRegularFile(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith("d ")) {
                    desired.addAll(desiredCodec.decode(line.substring(2)).entries());
                } else if (line.startsWith("r ")) {
                    reports.addAll(statusCodec.decode(line.substring(2)));
                }
            }
        }
        return new Contents(desired, reports);
    }

    void save(List<DesiredEntry> desired, List<NodeReport> reports) throws IOException {
        StringBuilder out = new StringBuilder();
        for (DesiredEntry e : desired) {
            out.append("d ").append(desiredCodec.encode(List.of(e))).append('\n');
        }
        for (NodeReport r : reports) {
            out.append("r ").append(statusCodec.encode(List.of(r))).append('\n');
        }
        AtomicFiles.write(file, out.toString().getBytes(StandardCharsets.UTF_8));
    }
}
