package io.punnet.rest.core;

/**
 * Sends a change to the node that owns the data (the meta-data of node B, asked of node A), so
 * that a client may talk to any node. The owner checks the token again: a forwarded request gets
 * no more rights than the client had. A forwarded call carries {@link #FORWARDED_HEADER}, and a
 * node never forwards such a call again, so two nodes with different views cannot bounce it.
 */
@FunctionalInterface
public interface Forwarder {

    /** Marks a call forwarded by another node. */
    String FORWARDED_HEADER = "X-Punnet-Forwarded-By";

    /**
     * Sends {@code call} (method, path, {@code Authorization} and body) to {@code host:port} and
     * returns the owner's answer as it is, or a problem: 502 when the owner cannot be reached, 504
     * when it does not answer in time.
     */
    Reply forward(String host, int port, Call call);
}
