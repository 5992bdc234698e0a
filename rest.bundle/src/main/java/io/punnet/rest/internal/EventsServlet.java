package io.punnet.rest.internal;

import java.io.IOException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletAsyncSupported;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import io.punnet.rest.core.Json;
import io.punnet.rest.core.Problems;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /api/v1/events}: Server-Sent Events of membership, status, state and monitoring
 * changes, for the dashboard and scripts ({@code curl -N http://node:8080/api/v1/events}). The
 * request goes asynchronous at once, so an open stream holds no container thread; the frames are
 * written by {@link SseStream} without blocking. Over the cap of concurrent streams the answer is
 * 503 with {@code Retry-After}. Only GET: anything else is 405.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/events")
@HttpWhiteboardServletAsyncSupported
public final class EventsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient RestHub hub;
    private final transient Problems problems = new Problems(new Json());

    @Activate
    public EventsServlet(@Reference RestHub hub) {
        this.hub = hub;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"GET".equals(request.getMethod())) {
            ApiServlet.write(problems.of(405, request.getMethod() + " is not allowed on /api/v1/events; use GET")
                    .withHeader("Allow", "GET"), response, "HEAD".equals(request.getMethod()));
            return;
        }
        if (hub.events().openStreams() >= hub.config().maxEventStreams()) {
            refuse(response);
            return;
        }
        response.setStatus(200);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Accel-Buffering", "no"); // nginx: do not buffer the stream
        AsyncContext async = request.startAsync();
        async.setTimeout(0); // the stream lasts until the client leaves; keep-alives find dead clients
        if (hub.events().open(async, response.getOutputStream(), hub.settings().nodeName()) == null) {
            response.setStatus(503); // lost the race for the last slot; nothing was written yet
            async.complete();
        }
    }

    private void refuse(HttpServletResponse response) throws IOException {
        ApiServlet.write(problems.of(503, "too many event streams are open on this node (at most "
                + hub.config().maxEventStreams() + "); retry later").withHeader("Retry-After", "5"), response, false);
    }
}
