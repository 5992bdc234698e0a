package io.punnet.rest.internal;

import java.io.IOException;
import java.io.InputStream;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import io.punnet.rest.core.Call;
import io.punnet.rest.core.Json;
import io.punnet.rest.core.Problems;
import io.punnet.rest.core.Reply;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every JSON and text route of the API, on the HTTP Whiteboard: this servlet only translates
 * between the servlet API and the {@link io.punnet.rest.core.Router} ({@link Call} in,
 * {@link Reply} out), enforcing the size caps first (a path over the cap is 414, a body over it
 * 413, before it is read). A streamed route (a jar upload) gets the request's input stream unread
 * instead, and applies its own cap while it reads. What a refused request did not read is settled
 * by {@link UnreadBody}, so the client reads the refusal rather than a reset connection. It never claims {@code /} or {@code /*}: unknown paths elsewhere stay
 * the web bundle's JSON 404. It never creates an HTTP session.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/nodes/*", "/meta-data/*", "/api/v1/*", "/inventory", "/openapi.json", "/metrics",
        "/metrics/*", "/bundles", "/rollouts", "/rollouts/*"})
public final class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient RestHub hub;
    private final transient Problems problems = new Problems(new Json());

    @Activate
    public ApiServlet(@Reference RestHub hub) {
        this.hub = hub;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        RestConfig config = hub.config();
        String path = path(request);
        Reply reply;
        boolean[] opened = {false};
        if (path.length() > config.maxPathInChars()) {
            reply = problems.of(414, "the path is longer than " + config.maxPathInChars() + " characters");
        } else if (hub.api().streams(request.getMethod(), path)) {
            reply = hub.api().dispatch(new Call(request.getMethod(), path, request::getHeader, remoteAddress(request),
                    new byte[0], java.util.Map.of(), request.getQueryString(), () -> {
                        opened[0] = true;
                        return request.getInputStream();
                    }));
        } else if (request.getContentLengthLong() > config.maxBodyInBytes()) {
            reply = problems.of(413, "the body is larger than " + config.maxBodyInBytes() + " bytes");
        } else {
            opened[0] = true;
            byte[] body = readBody(request, config.maxBodyInBytes());
            reply = body == null ? problems.of(413, "the body is larger than " + config.maxBodyInBytes() + " bytes")
                    : hub.api().dispatch(new Call(request.getMethod(), path, request::getHeader,
                            remoteAddress(request), body, java.util.Map.of(), request.getQueryString(), null));
        }
        UnreadBody.settle(request, response, reply.status(), opened[0]);
        write(reply, response, "HEAD".equals(request.getMethod()));
    }

    /** The decoded path within the context (servlet path plus path info). */
    static String path(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String info = request.getPathInfo();
        String path = (servletPath == null ? "" : servletPath) + (info == null ? "" : info);
        return path.isEmpty() ? "/" : path;
    }

    static String remoteAddress(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        if (address != null && address.startsWith("[") && address.endsWith("]")) {
            return address.substring(1, address.length() - 1);
        }
        return address;
    }

    /** The body, or null if it is larger than the cap (a chunked body has no Content-Length). */
    private static byte[] readBody(HttpServletRequest request, int cap) throws IOException {
        String method = request.getMethod();
        if (request.getContentLengthLong() == 0 || "GET".equals(method) || "HEAD".equals(method)) {
            return new byte[0];
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(cap + 1);
            return body.length > cap ? null : body;
        }
    }

    static void write(Reply reply, HttpServletResponse response, boolean head) throws IOException {
        response.setStatus(reply.status());
        response.setContentType(reply.contentType());
        if (!reply.contentType().contains("charset")) {
            response.setCharacterEncoding("UTF-8");
        }
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        reply.headers().forEach(response::setHeader);
        response.setContentLength(reply.body().length);
        if (!head) {
            response.getOutputStream().write(reply.body());
        }
    }
}
