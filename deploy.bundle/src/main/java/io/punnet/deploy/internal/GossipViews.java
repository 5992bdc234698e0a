package io.punnet.deploy.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import io.punnet.deploy.core.DesiredStateCodec;
import io.punnet.deploy.core.Digests;
import io.punnet.deploy.core.HeldArtifacts;
import io.punnet.deploy.core.MemberTags;
import io.punnet.deploy.core.MemberView;
import io.punnet.deploy.core.StatusCodec;
import io.punnet.gossip.api.Member;

/**
 * Reads what the deploy logic needs out of gossip members: the decoded {@link MemberView}s, and the
 * nodes to fetch a jar from (live, holding its digest, with an HTTP port published under
 * {@value #HTTP_KEY} by the REST bundle).
 */
final class GossipViews {

    /** The key in which the REST bundle publishes the node's HTTP port. */
    static final String HTTP_KEY = "http";

    private final DesiredStateCodec desiredCodec = new DesiredStateCodec();
    private final StatusCodec statusCodec = new StatusCodec();
    private final HeldArtifacts held = new HeldArtifacts();
    private long malformed;

    List<MemberView> views(List<Member> members) {
        List<MemberView> views = new ArrayList<>();
        for (Member m : members) {
            DesiredStateCodec.Decoded desired = desiredCodec.decode(m.state(DesiredStateCodec.KEY));
            malformed += desired.malformed();
            views.add(new MemberView(m.name(), m.status().isLive(), MemberTags.of(m.state(MemberTags.KEY)),
                    statusCodec.decode(m.state(StatusCodec.KEY)), desired.entries()));
        }
        return views;
    }

    /** The URLs of the jar on the other live nodes that say they hold it. */
    List<URI> holders(List<Member> members, String sha256) {
        String prefix = Digests.prefix(sha256);
        List<URI> urls = new ArrayList<>();
        for (Member m : members) {
            Integer port = httpPort(m.state(HTTP_KEY));
            if (!m.local() && m.status().isLive() && port != null && held.decode(m.state(HeldArtifacts.KEY)).contains(prefix)) {
                urls.add(ArtifactFetcher.url(m.host(), port, sha256));
            }
        }
        return urls;
    }

    /** Malformed desired-state entries seen so far. */
    long malformed() {
        return malformed;
    }

    static Integer httpPort(String value) {
        if (value == null || value.isEmpty() || value.length() > 5 || !value.chars().allMatch(Character::isDigit)) {
            return null;
        }
        int port = Integer.parseInt(value);
        return port > 0 && port < 65536 ? port : null;
    }
}
