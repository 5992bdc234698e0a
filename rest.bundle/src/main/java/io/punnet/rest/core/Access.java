package io.punnet.rest.core;

/** Who may call a route. Reads are open on the LAN; every change needs the bearer token. */
public enum Access {
    /** Anybody who can reach the port (reads only). */
    OPEN,
    /** A request carrying {@code Authorization: Bearer <punnet.api.token>}. */
    TOKEN,
    /**
     * The token, or a client address inside {@code punnet.rest.open.networks}: the two original
     * meta-data routes, whose scripts send no token.
     */
    TOKEN_OR_OPEN_NETWORK
}
