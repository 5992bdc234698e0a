package io.punnet.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * A client may talk to any node: a meta-data change asked of this node (in Pax Exam) for another
 * node (a real {@code bin/punnet} process joined through a seed) is forwarded to the owner, which
 * checks the token again, and the other way round.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RestForwardingTest {

    private static final String TOKEN = PunnetOptions.TEST_TOKEN;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return PunnetOptions.node("fwd-here", Ports.free(), Ports.free());
    }

    @Test
    public void changesAreForwardedToTheOwningNode() throws Exception {
        String seed = "127.0.0.1:" + context.getProperty("punnet.gossip.port");
        try (NodeProcess peer = NodeProcess.start("fwd-peer", Map.of("PUNNET_SEEDS", seed, "PUNNET_API_TOKEN", TOKEN))) {
            peer.awaitHttp200("/api/v1/health", Duration.ofSeconds(60));
            URI here = URI.create("http://127.0.0.1:" + context.getProperty("org.osgi.service.http.port"));
            URI there = peer.url("");
            awaitBody(here.resolve("/api/v1/nodes/fwd-peer"), "\"httpPort\":" + peer.httpPort);
            awaitBody(there.resolve("/api/v1/nodes/fwd-here"), "\"httpPort\":" + here.getPort());

            HttpResponse<String> wrong = send("PUT", here.resolve("/api/v1/nodes/fwd-peer/meta-data/services/db"), "Bearer nope-nope-nope-nope");
            assertEquals(401, wrong.statusCode());

            HttpResponse<String> forwarded = send("PUT", here.resolve("/api/v1/nodes/fwd-peer/meta-data/services/db"), "Bearer " + TOKEN);
            assertEquals(forwarded.body(), 200, forwarded.statusCode());
            assertEquals("{\"node\":\"fwd-peer\",\"services\":[\"db\"],\"tags\":[]}", forwarded.body());
            HttpResponse<String> atOwner = send("GET", there.resolve("/api/v1/nodes/fwd-peer/meta-data"), null);
            assertEquals("{\"node\":\"fwd-peer\",\"services\":[\"db\"],\"tags\":[]}", atOwner.body());

            HttpResponse<String> duplicate = send("PUT", here.resolve("/api/v1/nodes/fwd-peer/meta-data/services/db"), "Bearer " + TOKEN);
            assertEquals("the owner's refusal comes back as it is", 409, duplicate.statusCode());

            HttpResponse<String> back = send("PUT", there.resolve("/api/v1/nodes/fwd-here/meta-data/tags/rack-1"), "Bearer " + TOKEN);
            assertEquals(back.body(), 200, back.statusCode());
            assertEquals("{\"node\":\"fwd-here\",\"services\":[],\"tags\":[\"rack-1\"]}", back.body());

            // and the change travels back by gossip to the node that forwarded it
            awaitBody(here.resolve("/nodes/workingService/db"), "{\"res\":[\"127.0.0.1\"]}");
        }
    }

    private static HttpResponse<String> send(String method, URI uri, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitBody(URI uri, String wanted) throws Exception {
        Polling.awaitBody(uri.toString(), () -> send("GET", uri, null), wanted, Duration.ofSeconds(40), Duration.ofMillis(200));
    }
}
