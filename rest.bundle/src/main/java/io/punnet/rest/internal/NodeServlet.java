package io.punnet.rest.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code GET /api/v1/node}: who this node is and how long it has been up. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/node")
public final class NodeServlet extends JsonServlet {

    private static final long serialVersionUID = 1L;

    private final String nodeName;
    private final String clusterName;

    @Activate
    public NodeServlet(BundleContext context) {
        this.nodeName = property(context, "punnet.node.name", "punnet");
        this.clusterName = property(context, "punnet.cluster.name", "punnet");
    }

    private static String property(BundleContext context, String key, String fallback) {
        String value = context.getProperty(key);
        return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", nodeName);
        body.put("cluster", clusterName);
        body.put("uptimeMs", ManagementFactory.getRuntimeMXBean().getUptime());
        writeJson(response, HttpServletResponse.SC_OK, body);
    }
}
