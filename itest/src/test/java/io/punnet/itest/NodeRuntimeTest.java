package io.punnet.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * A real Felix with the distribution's bundles: every bundle is active, every Punnet component is
 * satisfied, :8080 (a free port here) answers, and the web console refuses admin/admin.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NodeRuntimeTest {

    // Read inside the framework from the framework properties: the probe reloads this class there,
    // so a static port chosen here would be chosen again, differently.

    @Inject
    private BundleContext context;

    @Inject
    private ServiceComponentRuntime scr;

    @Configuration
    public Option[] configuration() {
        return PunnetOptions.node("itest-node", Ports.free(), Ports.free());
    }

    @Test
    public void everyBundleIsActive() {
        List<String> notActive = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            boolean fragment = bundle.getHeaders().get("Fragment-Host") != null;
            if (!fragment && bundle.getState() != Bundle.ACTIVE) {
                notActive.add(bundle.getSymbolicName() + " state " + bundle.getState());
            }
        }
        assertTrue("bundles not active: " + notActive, notActive.isEmpty());
    }

    @Test
    public void everyPunnetComponentIsSatisfied() throws InterruptedException {
        List<String> problems = waitForComponents(Duration.ofSeconds(20));
        assertTrue("components not satisfied: " + problems, problems.isEmpty());
    }

    private List<String> waitForComponents(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> problems;
        int punnetComponents;
        do {
            problems = new ArrayList<>();
            punnetComponents = 0;
            for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
                if (!description.bundle.symbolicName.startsWith("io.punnet.")) {
                    continue;
                }
                punnetComponents++;
                for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                    if (configuration.state != ComponentConfigurationDTO.ACTIVE
                            && configuration.state != ComponentConfigurationDTO.SATISFIED) {
                        problems.add(description.name + " state " + configuration.state
                                + (configuration.failure == null ? "" : " " + configuration.failure));
                    }
                }
            }
            if (problems.isEmpty() && punnetComponents > 0) {
                return problems;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        if (punnetComponents == 0) {
            problems.add("no Punnet component found at all");
        }
        return problems;
    }

    @Test
    public void theNodeAnswersOverHttp() throws Exception {
        HttpResponse<String> response = get("/api/v1/node", null);
        assertEquals(200, response.statusCode());
        assertTrue(response.body(), response.body().contains("\"name\":\"itest-node\""));
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    }

    @Test
    public void theDashboardIsServedAtTheRoot() throws Exception {
        HttpResponse<String> response = get("/", null);
        assertEquals(200, response.statusCode());
        assertTrue(response.body(), response.body().contains("<title>Punnet"));
    }

    @Test
    public void theWebConsoleRefusesAdminAdmin() throws Exception {
        assertEquals(401, get("/system/console/bundles", "admin:admin").statusCode());
        assertEquals(401, get("/system/console/bundles", null).statusCode());
    }

    private HttpResponse<String> get(String path, String basicAuth) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + context.getProperty("org.osgi.service.http.port") + path))
                .timeout(Duration.ofSeconds(10));
        if (basicAuth != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basicAuth.getBytes(StandardCharsets.UTF_8)));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 404 || System.nanoTime() > deadline) {
                    return response;
                }
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            Thread.sleep(100); // the whiteboard may still be registering the servlet
        }
    }
}
