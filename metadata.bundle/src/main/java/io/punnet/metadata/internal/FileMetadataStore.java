package io.punnet.metadata.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.punnet.gossip.api.Cluster;
import io.punnet.gossip.api.Member;
import io.punnet.metadata.api.Metadata;
import io.punnet.metadata.api.MetadataStore;
import io.punnet.metadata.core.MetadataDocument;
import io.punnet.metadata.core.MetadataEdits;
import io.punnet.metadata.core.MetadataGossipCodec;

/**
 * This node's meta-data in {@code meta-data.json} (in {@code punnet.data.dir}, else
 * {@code $PUNNET_DATA_DIR}, else the user's home), gossiped under {@value MetadataGossipCodec#KEY}.
 *
 * <p>Every change runs under one lock as read-modify-write: read the file again (so an edit made
 * by hand is built upon, not overwritten), apply the edit, write atomically, then publish to gossip.
 * So concurrent changes never lose one another, and gossip never announces what is not on disk.
 *
 * <p>Gossip is an optional, dynamic reference: the store works while the gossip bundle is being
 * updated, and publishes its meta-data again whenever a {@link Cluster} appears (a restarted gossip
 * bundle starts with empty application state). Immediate, so that the meta-data is gossiped even
 * while nothing on this node asks for the service.
 */
@Component(service = MetadataStore.class, immediate = true)
public final class FileMetadataStore implements MetadataStore {

    static final String DATA_DIR_PROPERTY = "punnet.data.dir";
    static final String DATA_DIR_ENV = "PUNNET_DATA_DIR";
    static final String NODE_NAME_PROPERTY = "punnet.node.name";

    private static final Logger LOG = LoggerFactory.getLogger(FileMetadataStore.class);

    private final Object lock = new Object();
    private final MetadataFile file;
    private final String configuredNodeName;
    private final MetadataGossipCodec codec = new MetadataGossipCodec();
    private final AtomicReference<Cluster> cluster = new AtomicReference<>();
    private volatile Metadata current;

    @Activate
    public FileMetadataStore(BundleContext context) throws IOException {
        this(dataDirectory(context).resolve(MetadataFile.NAME), Clock.systemUTC(),
                context.getProperty(NODE_NAME_PROPERTY));
    }

    FileMetadataStore(Path path, Clock clock, String configuredNodeName) throws IOException {
        this.file = new MetadataFile(path, clock);
        this.configuredNodeName = configuredNodeName;
        try {
            file.removeStaleTemporaries();
        } catch (IOException e) {
            LOG.warn("metadata: cannot clear temporary files beside {}: {}", file.path(), e.toString());
        }
        this.current = file.load(Metadata.empty(), "empty meta-data").metadata();
        LOG.info("metadata: {} services, {} tags from {}", current.services().size(), current.tags().size(),
                file.path());
    }

    @Reference(name = "cluster", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindCluster(Cluster newCluster) {
        cluster.set(newCluster);
        synchronized (lock) {
            publish(current);
        }
    }

    void unbindCluster(Cluster oldCluster) {
        cluster.compareAndSet(oldCluster, null);
    }

    @Override
    public Metadata current() {
        return current;
    }

    @Override
    public Metadata addService(String name) {
        return change(m -> MetadataEdits.addService(m, name));
    }

    @Override
    public Metadata removeService(String name) {
        return change(m -> MetadataEdits.removeService(m, name));
    }

    @Override
    public Metadata addTag(String tag) {
        return change(m -> MetadataEdits.addTag(m, tag));
    }

    @Override
    public Metadata removeTag(String tag) {
        return change(m -> MetadataEdits.removeTag(m, tag));
    }

    @Override
    public Optional<Metadata> of(String node) {
        if (node != null && node.equals(localName())) {
            return Optional.of(current);
        }
        Cluster c = cluster.get();
        return c == null ? Optional.empty()
                : c.member(node).flatMap(m -> codec.decode(m.state(MetadataGossipCodec.KEY)));
    }

    @Override
    public Map<String, Metadata> all() {
        Map<String, Metadata> all = new TreeMap<>();
        Cluster c = cluster.get();
        if (c != null) {
            for (Member m : c.members()) {
                codec.decode(m.state(MetadataGossipCodec.KEY)).ifPresent(meta -> all.put(m.name(), meta));
            }
        }
        String local = localName();
        if (local != null) {
            all.put(local, current);
        }
        return Collections.unmodifiableMap(all);
    }

    private Metadata change(UnaryOperator<Metadata> edit) {
        synchronized (lock) {
            try {
                MetadataDocument doc = file.load(current, "the last meta-data this node knew");
                if (doc.isNewer()) {
                    throw new IllegalStateException(file.path() + " was written by a newer Punnet (format version "
                            + doc.version() + "); it is read-only for this version");
                }
                Metadata next = edit.apply(doc.metadata());
                file.save(doc.with(next));
                current = next;
            } catch (IOException e) {
                throw new UncheckedIOException("metadata: cannot update " + file.path() + ": " + e.getMessage(), e);
            }
            publish(current);
            return current;
        }
    }

    /** Gossips {@code m}; the file stays the truth if gossip refuses (it is republished on the next change). */
    private void publish(Metadata m) {
        Cluster c = cluster.get();
        if (c == null) {
            return;
        }
        try {
            c.setApplicationState(MetadataGossipCodec.KEY, codec.encode(m));
        } catch (RuntimeException e) {
            LOG.warn("metadata: could not gossip the meta-data: {}", e.toString());
        }
    }

    private String localName() {
        Cluster c = cluster.get();
        if (c != null) {
            try {
                return c.local().name();
            } catch (RuntimeException gossipStopping) {
                return configuredNodeName;
            }
        }
        return configuredNodeName;
    }

    static Path dataDirectory(BundleContext context) {
        String dir = context.getProperty(DATA_DIR_PROPERTY);
        if (dir == null || dir.isBlank()) {
            dir = System.getenv(DATA_DIR_ENV);
        }
        if (dir == null || dir.isBlank()) {
            dir = System.getProperty("user.home");
        }
        return Path.of(dir);
    }
}
