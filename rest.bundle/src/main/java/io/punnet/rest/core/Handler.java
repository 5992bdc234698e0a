package io.punnet.rest.core;

/** The logic of one route: a call in, a rendered reply out. */
@FunctionalInterface
public interface Handler {

    /**
     * Answers one call. May throw {@link IllegalStateException} when a service it needs went away
     * mid-call (the router answers 503 then); any other exception is a bug (500).
     */
    Reply handle(Call call);
}
