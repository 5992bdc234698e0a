package io.punnet.rest.internal;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletResponse;

/** Base of the JSON routes: writes a value as JSON, and errors as {@code application/problem+json}. */
abstract class JsonServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Thread-safe once configured; shared by every request of this servlet. */
    protected static final ObjectMapper JSON = new ObjectMapper();

    protected void writeJson(HttpServletResponse response, int status, Object value) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        JSON.writeValue(response.getOutputStream(), value);
    }

    protected void writeProblem(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), Map.of("status", status, "title", title, "detail", detail));
    }
}
