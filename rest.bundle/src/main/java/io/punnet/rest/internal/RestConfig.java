package io.punnet.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The knobs of the REST API (PID {@value #PID}); node-level settings come from framework properties. */
@ObjectClassDefinition(name = "Punnet REST API", description = "Caps, caches and event streams of the JSON API on the HTTP port.")
public @interface RestConfig {

    String PID = "io.punnet.rest";

    long LEGACY_MAX_AGE_DEFAULT_MS = 5_000;
    long LIVE_MAX_AGE_DEFAULT_MS = 250;
    int MAX_BODY_DEFAULT_BYTES = 16 * 1024;
    int MAX_PATH_DEFAULT_CHARS = 1024;
    int MAX_EVENT_STREAMS_DEFAULT = 16;
    int EVENT_QUEUE_DEFAULT_FRAMES = 256;
    long KEEP_ALIVE_DEFAULT_MS = 15_000;
    long FORWARD_TIMEOUT_DEFAULT_MS = 3_000;

    @AttributeDefinition(description = "Longest a rendered answer of /nodes/*, /inventory may be served when no cluster "
            + "event invalidated it. Events invalidate at once; this is a safety net. Longer: cheaper, staler on a missed event.")
    long legacyMaxAgeInMs() default LEGACY_MAX_AGE_DEFAULT_MS;

    @AttributeDefinition(description = "Longest the rendered full node view (/api/v1/nodes, with heartbeats and phi, which "
            + "change every round) may be served. Longer: cheaper under load, staler heartbeats.")
    long liveMaxAgeInMs() default LIVE_MAX_AGE_DEFAULT_MS;

    @AttributeDefinition(description = "Largest request body accepted; larger is 413 before it is read.")
    int maxBodyInBytes() default MAX_BODY_DEFAULT_BYTES;

    @AttributeDefinition(description = "Longest request path accepted; longer is 414.")
    int maxPathInChars() default MAX_PATH_DEFAULT_CHARS;

    @AttributeDefinition(description = "Most concurrent /api/v1/events streams; one more is 503. Each holds a connection "
            + "and up to eventQueueInFrames frames of memory.")
    int maxEventStreams() default MAX_EVENT_STREAMS_DEFAULT;

    @AttributeDefinition(description = "Frames queued for one event stream; a client that falls this far behind is "
            + "dropped (it reconnects and reads the current view). Larger: tolerates slower clients, more memory.")
    int eventQueueInFrames() default EVENT_QUEUE_DEFAULT_FRAMES;

    @AttributeDefinition(description = "A comment is sent on an idle event stream this often, so proxies keep it open and "
            + "dead clients are noticed.")
    long keepAliveInMs() default KEEP_ALIVE_DEFAULT_MS;

    @AttributeDefinition(description = "How long a change forwarded to the owning node may take (connect and answer).")
    long forwardTimeoutInMs() default FORWARD_TIMEOUT_DEFAULT_MS;
}
