package io.punnet.deploy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import io.punnet.deploy.api.Deployments;
import io.punnet.deploy.core.Digests;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /api/v1/artifacts/{sha256}}: the one read-only route other nodes fetch jars from,
 * serving this node's store through {@link Deployments#openArtifact}. A read, open like every read
 * of the API: the name is the content's digest, so a client can only fetch what it can name, and
 * every fetcher verifies the digest of what it receives.
 *
 * <p>Served here until the REST bundle maps {@code openArtifact} in its own router (then this
 * component is removed); its more specific pattern wins over REST's {@code /api/v1/*}.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(ArtifactFetcher.ROUTE + "*")
public final class ArtifactServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Deployments deployments;

    @Activate
    public ArtifactServlet(@Reference Deployments deployments) {
        this.deployments = deployments;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String info = request.getPathInfo();
        String sha = info == null ? "" : info.substring(1);
        Optional<InputStream> jar = Digests.isSha256Hex(sha) ? deployments.openArtifact(sha) : Optional.empty();
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (jar.isEmpty()) {
            response.setStatus(404);
            response.setContentType("application/problem+json");
            response.getOutputStream().write(("{\"status\":404,\"title\":\"Not Found\",\"detail\":\"this node holds no"
                    + " artifact with that SHA-256\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return;
        }
        response.setStatus(200);
        response.setContentType("application/java-archive");
        try (InputStream in = jar.get(); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }
}
