package io.punnet.gossip.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives changes of the cluster view. Register an implementation as an OSGi service (whiteboard);
 * the gossip bundle picks it up and calls it.
 *
 * <p>Delivery: events are delivered in the order gossip applied them, one at a time, on a
 * notification thread of the gossip bundle (never on the protocol thread). A listener must return
 * quickly and must not block; an exception it throws is logged and does not stop delivery to others.
 * A listener registered late receives only later events: read {@link Cluster#members()} for the
 * current view.
 */
@ConsumerType
public interface ClusterListener {

    /** Called once for every change, in order. */
    void clusterChanged(ClusterEvent event);
}
