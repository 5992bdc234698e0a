package io.punnet.sim;

import io.punnet.gossip.api.ClusterEvent;

/**
 * One cluster event as a simulated node saw it.
 *
 * @param atNanos  virtual time
 * @param observer the node that saw it
 * @param event    what it saw
 */
public record Observed(long atNanos, String observer, ClusterEvent event) {
}
