package io.punnet.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The default servlet of the node's HTTP port: the dashboard page at {@code /} (and
 * {@code /index.html}), and a JSON 404 for every path no other servlet or resource claims. The page
 * is read once.
 *
 * <p>The page is sent with a strict Content-Security-Policy: scripts, styles and requests only from
 * this origin, no inline script, no style attributes. The dashboard builds its DOM from network data
 * (node names, services), and this header is the second wall should a text ever become markup.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/")
public final class IndexServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Same origin for everything; links to other nodes' dashboards are navigation, which this does not limit. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'";

    private final byte[] page = load();

    private static byte[] load() {
        try (InputStream in = IndexServlet.class.getResourceAsStream("/static/index.html")) {
            if (in == null) {
                throw new IllegalStateException("static/index.html is missing from the web bundle");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        if (!"/".equals(path) && !"/index.html".equals(path)) {
            NotFound.write(response, path);
            return;
        }
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setContentLength(page.length);
        response.getOutputStream().write(page);
    }
}
