package io.punnet.deploy.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Merges the desired state every member gossips, and this node's own remembered copy, into one: for
 * each symbolic name, the signed entry with the highest version. Every node republishes the result,
 * so the desired state survives the node that first published it, reaches nodes that were down, and
 * is there for nodes that join later.
 *
 * <p>Why replay cannot downgrade: the node's remembered copy (kept on disk) takes part in every
 * merge, so an older entry gossiped again, even after a restart, never beats the newer one it
 * remembers. Entries whose signature does not verify are ignored and counted.
 */
public final class DesiredMerge {

    /**
     * The merge outcome.
     *
     * @param entries     the latest signed entry per symbolic name, newest first
     * @param badSignatures entries ignored for a missing or wrong signature
     */
    public record Result(List<DesiredEntry> entries, int badSignatures) {
    }

    private final EntrySigner signer;

    public DesiredMerge(EntrySigner signer) {
        this.signer = signer;
    }

    /** Merges the members' entries with the remembered ones. */
    public Result merge(List<MemberView> members, List<DesiredEntry> remembered) {
        List<DesiredEntry> all = new ArrayList<>();
        int bad = 0;
        for (MemberView m : members) {
            for (DesiredEntry e : m.desired()) {
                if (signer.verify(e)) {
                    all.add(e);
                } else {
                    bad++;
                }
            }
        }
        for (DesiredEntry e : remembered) {
            if (signer.verify(e)) {
                all.add(e);
            }
        }
        return new Result(DesiredStateCodec.latestPerName(all), bad);
    }
}
