package io.punnet.deploy.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.punnet.deploy.api.BundleInfo;
import io.punnet.deploy.core.DesiredStateCodec;
import io.punnet.deploy.core.Digests;
import io.punnet.deploy.core.HeldArtifacts;
import io.punnet.deploy.core.InventoryCodec;
import io.punnet.deploy.core.StatusCodec;
import io.punnet.gossip.api.Cluster;

/**
 * Publishes this node's deploy facts to gossip: the merged desired state, its reports, the jars it
 * holds, and its bundle inventory (in pages). Gossip ignores a value set again unchanged, so
 * publishing everything on every reconciliation costs nothing when nothing changed; and after gossip
 * restarts (empty application state) the next reconciliation publishes it all again.
 */
final class Publisher {

    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);

    private final BundleContext context;
    private final BundleDigests digests;
    private final DesiredStateCodec desiredCodec = new DesiredStateCodec();
    private final StatusCodec statusCodec = new StatusCodec();
    private final HeldArtifacts heldCodec = new HeldArtifacts();
    private final InventoryCodec inventoryCodec = new InventoryCodec();
    private List<BundleInfo> lastInventory = List.of();
    private long inventoryId;
    private int pagesPublished;

    Publisher(BundleContext context, BundleDigests digests) {
        this.context = context;
        this.digests = digests;
    }

    void publish(Cluster cluster, DesiredBook book, ArtifactStore store) {
        try {
            cluster.setApplicationState(DesiredStateCodec.KEY, desiredCodec.encode(book.entries()));
            cluster.setApplicationState(StatusCodec.KEY, statusCodec.encode(book.reports()));
            cluster.setApplicationState(HeldArtifacts.KEY, heldCodec.encode(store.digestsNewestFirst()));
            publishInventory(cluster);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("deploy: cannot publish to gossip: {}", e.getMessage());
        } catch (IllegalStateException stopping) {
            // gossip is stopping or restarting (a rollout of gossip itself): published again when it is back
            LOG.debug("deploy: gossip is not available to publish: {}", stopping.getMessage());
        }
    }

    /** This node's bundles now. */
    List<BundleInfo> inventory() {
        List<BundleInfo> bundles = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName() == null || b.getState() == Bundle.UNINSTALLED) {
                continue;
            }
            String digest = digests.of(b).map(Digests::prefix).orElse("");
            bundles.add(new BundleInfo(b.getSymbolicName(), BundleInstaller.version(b),
                    BundleInstaller.stateName(b.getState()), digest));
        }
        return bundles;
    }

    private void publishInventory(Cluster cluster) {
        List<BundleInfo> now = inventory();
        if (now.equals(lastInventory) && pagesPublished > 0
                && cluster.local().state(InventoryCodec.KEY) != null) {
            return;
        }
        inventoryId = Math.max(inventoryId + 1, System.currentTimeMillis());
        List<String> pages = inventoryCodec.encode(inventoryId, now);
        // later pages first: a reader that sees the new page 0 finds the new pages already there
        for (int i = pages.size() - 1; i >= 0; i--) {
            cluster.setApplicationState(InventoryCodec.pageKey(i), pages.get(i));
        }
        for (int i = pages.size(); i < pagesPublished; i++) {
            cluster.setApplicationState(InventoryCodec.pageKey(i), "");
        }
        pagesPublished = pages.size();
        lastInventory = now;
    }
}
