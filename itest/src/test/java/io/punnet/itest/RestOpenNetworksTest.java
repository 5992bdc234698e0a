package io.punnet.itest;

import static org.junit.Assert.assertEquals;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * {@code punnet.rest.open.networks} opens the two original meta-data routes, and only them, to
 * scripts (no token, no Origin) from those networks; a browser there still needs the token.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RestOpenNetworksTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return OptionUtils.combine(PunnetOptions.node("open-node", Ports.free(), Ports.free()),
                frameworkProperty("punnet.rest.open.networks").value("127.0.0.0/8"));
    }

    @Test
    public void theOldScriptsWorkWithoutATokenFromAnOpenNetwork() throws Exception {
        String origin = "http://127.0.0.1:" + context.getProperty("org.osgi.service.http.port");
        awaitStatus("/nodes/alive", 200);
        HttpResponse<String> added = send("PUT", "/meta-data/add-service/legacy-app");
        assertEquals(200, added.statusCode());
        assertEquals("{\"service\":\"legacy-app\"}", added.body());
        assertEquals("a browser (it sends an Origin) gets no open door", 401,
                send("PUT", "/meta-data/remove-service/legacy-app", "Origin", origin).statusCode());
        assertEquals("the v1 routes always need the token", 401,
                send("DELETE", "/api/v1/nodes/open-node/meta-data/services/legacy-app").statusCode());
        assertEquals(401, send("PUT", "/meta-data/remove-service/legacy-app", "Authorization", "Bearer wrong-wrong-wrong").statusCode());
        assertEquals(200, send("PUT", "/meta-data/remove-service/legacy-app").statusCode());
        assertEquals(404, send("PUT", "/meta-data/remove-service/legacy-app").statusCode());
    }

    private HttpResponse<String> send(String method, String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + context.getProperty("org.osgi.service.http.port") + path)).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void awaitStatus(String path, int status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (send("GET", path).statusCode() == status) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + status + " from " + path);
    }
}
