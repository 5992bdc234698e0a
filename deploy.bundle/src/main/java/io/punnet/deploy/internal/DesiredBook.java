package io.punnet.deploy.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.punnet.deploy.core.DesiredEntry;
import io.punnet.deploy.core.DesiredStateCodec;
import io.punnet.deploy.core.NodeReport;
import io.punnet.deploy.core.VersionClock;

/**
 * This node's copy of the desired state (the latest signed entry per symbolic name) and of its own
 * reports, kept in step with {@link AgentMemory} on disk, plus a short history of the rollouts seen,
 * so that a superseded rollout can still be looked up by id.
 *
 * <p>Thread safety: synchronized; submissions (caller threads) and the deploy thread share it.
 */
final class DesiredBook {

    private static final int HISTORY = 50;

    private final AgentMemory memory;
    private final VersionClock clock;
    private List<DesiredEntry> entries;
    private final Map<String, NodeReport> reports = new LinkedHashMap<>();
    private final Map<Long, DesiredEntry> history = new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, DesiredEntry> eldest) {
            return size() > HISTORY;
        }
    };

    DesiredBook(AgentMemory memory, VersionClock clock) throws IOException {
        this.memory = memory;
        this.clock = clock;
        AgentMemory.Contents contents = memory.load();
        this.entries = DesiredStateCodec.latestPerName(contents.desired());
        for (NodeReport r : contents.reports()) {
            reports.merge(r.symbolicName(), r, (a, b) -> a.entryVersion() >= b.entryVersion() ? a : b);
        }
        entries.forEach(this::remember);
    }

    synchronized List<DesiredEntry> entries() {
        return entries;
    }

    /** The latest entry for a symbolic name. */
    synchronized Optional<DesiredEntry> latest(String symbolicName) {
        return entries.stream().filter(e -> e.symbolicName().equals(symbolicName)).findFirst();
    }

    /** Adds entries (already verified); returns whether the desired state changed. */
    synchronized boolean merge(Collection<DesiredEntry> more) throws IOException {
        List<DesiredEntry> all = new ArrayList<>(entries);
        all.addAll(more);
        List<DesiredEntry> next = DesiredStateCodec.latestPerName(all);
        if (next.equals(entries)) {
            return false;
        }
        entries = next;
        entries.forEach(this::remember);
        save();
        return true;
    }

    synchronized NodeReport report(String symbolicName) {
        return reports.get(symbolicName);
    }

    synchronized List<NodeReport> reports() {
        return List.copyOf(reports.values());
    }

    /** Records this node's report; returns whether it changed. */
    synchronized boolean report(NodeReport report) throws IOException {
        NodeReport old = reports.put(report.symbolicName(), report);
        if (report.equals(old)) {
            return false;
        }
        save();
        return true;
    }

    /** Every rollout seen recently, newest first. */
    synchronized List<DesiredEntry> history() {
        List<DesiredEntry> all = new ArrayList<>(history.values());
        all.sort((a, b) -> Long.compare(b.version(), a.version()));
        return all;
    }

    /** The latest entry seen of a rollout. */
    synchronized Optional<DesiredEntry> rollout(long rolloutId) {
        return Optional.ofNullable(history.get(rolloutId));
    }

    private void remember(DesiredEntry e) {
        clock.observe(e.version());
        history.merge(e.rolloutId(), e, (a, b) -> a.version() >= b.version() ? a : b);
    }

    private void save() throws IOException {
        memory.save(entries, List.copyOf(reports.values()));
    }
}
