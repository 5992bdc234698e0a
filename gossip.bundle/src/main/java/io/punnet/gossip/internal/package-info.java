/**
 * The gossip bundle on a real machine: the DS component, its configuration, and the threads and
 * sockets the pure engine of {@code core} runs on.
 *
 * <pre>
 *  UDP receiver ─┐ open + decode                       ┌─► UDP send (sealed datagrams)
 *  TCP streams  ─┴─► InboundPump (bounded) ─► ProtocolThread: GossipNode ─┤
 *                    overflow counted          timers and every call      └─► TCP push-pull (frames)
 *                                                      │ events
 *                                                      ▼
 *                                     EventDispatcher ─► ClusterListener services (whiteboard)
 * </pre>
 *
 * {@link io.punnet.gossip.internal.GossipComponent} reads the settings and wraps a
 * {@code GossipRuntime}, which assembles the rest and serves {@link io.punnet.gossip.api.Cluster}
 * from the protocol thread. {@code GossipRuntime} runs without OSGi, which is how the real-socket
 * tests use it.
 */
package io.punnet.gossip.internal;
