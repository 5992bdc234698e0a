package io.punnet.rest.core;

import java.util.function.Predicate;

/**
 * Decides whether a mutating call may go on. In order:
 * <ol>
 * <li>cross-origin writes are refused (403): a browser on another site can make a user's browser
 *     send a request to the node, but it cannot forge the {@code Origin} header, so a mutating
 *     request whose {@code Origin} is not this node's own ({@code http(s)://} + its {@code Host})
 *     is refused whatever credentials it carries;</li>
 * <li>the bearer token is checked (401 when missing or wrong); the original meta-data routes also
 *     pass without any {@code Authorization} header when the client's address is inside
 *     {@code punnet.rest.open.networks} and the request carries no {@code Origin} at all: the
 *     original scripts send none, while every browser request does, so a web page seen from inside
 *     an open network (even one that rebinds its DNS name to the node's address, which defeats the
 *     origin comparison) cannot use the open door.</li>
 * </ol>
 * Reads pass untouched.
 */
public final class Guard {

    private final TokenCheck token;
    private final Predicate<String> openNetworks;

    /**
     * @param token        the token check
     * @param openNetworks whether a client IP address literal is inside the open networks
     */
    public Guard(TokenCheck token, Predicate<String> openNetworks) {
        this.token = token;
        this.openNetworks = openNetworks;
    }

    /** The refusal for this call, or null when it may go on. */
    public Refusal check(Call call, Access access) {
        if (!call.isMutating() && access == Access.OPEN) {
            return null;
        }
        if (!sameOrigin(call)) {
            return new Refusal(403, "cross-origin changes are refused: the Origin header must be this node's own origin");
        }
        String authorization = call.header().apply("Authorization");
        if (token.accepts(authorization)) {
            return null;
        }
        if (access == Access.TOKEN_OR_OPEN_NETWORK && authorization == null && call.header().apply("Origin") == null
                && openNetworks.test(call.remoteAddress())) {
            return null;
        }
        return new Refusal(401, authorization == null
                ? "this change needs 'Authorization: Bearer <token>' (the node's punnet.api.token)"
                : "the bearer token is wrong");
    }

    private static boolean sameOrigin(Call call) {
        String origin = call.header().apply("Origin");
        if (origin == null) {
            return true; // not a browser's cross-site request (curl, scripts, other nodes)
        }
        String host = call.header().apply("Host");
        return host != null && (origin.equalsIgnoreCase("http://" + host) || origin.equalsIgnoreCase("https://" + host));
    }

    /** Why a call was refused. */
    public record Refusal(int status, String reason) {
    }
}
