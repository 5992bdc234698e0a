package io.punnet.rest.internal;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What to do with the part of a request body the route did not read (a 401, 413 or 415 answered
 * before or while the body arrives). An HTTP/1.1 client that sends the whole body before it reads
 * the answer sees the connection reset, not the answer, if the server closes with bytes still
 * unread; so the rest is read and thrown away, up to {@link #SWALLOW_BYTES} (as servlet containers
 * do), and past that the connection is closed. A client that asked for {@code 100-continue} and
 * whose body was never opened has sent nothing: it gets the answer at once and the body is never
 * asked for.
 */
final class UnreadBody {

    /** Bytes read and discarded after a refusal before giving up on the connection. */
    static final long SWALLOW_BYTES = 2L * 1024 * 1024;

    private UnreadBody() {
    }

    /**
     * Discards the rest of the request body after an answer of {@code status}, or marks the
     * connection to be closed when there is too much of it.
     *
     * @param opened whether the route opened the body stream
     */
    static void settle(HttpServletRequest request, HttpServletResponse response, int status, boolean opened)
            throws IOException {
        if (status < 400 || !hasBody(request) || (!opened && expectsContinue(request))) {
            return;
        }
        boolean drained;
        try (InputStream in = request.getInputStream()) {
            drained = discard(in, SWALLOW_BYTES);
        } catch (IOException e) {
            drained = false;
        }
        if (!drained) {
            response.setHeader("Connection", "close");
        }
    }

    /**
     * Reads and drops at most {@code max} bytes.
     *
     * @return true if the stream ended within them
     */
    static boolean discard(InputStream in, long max) throws IOException {
        byte[] buffer = new byte[8 * 1024];
        long left = max;
        while (true) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left + 1));
            if (n < 0) {
                return true;
            }
            left -= n;
            if (left < 0) {
                return false;
            }
        }
    }

    private static boolean hasBody(HttpServletRequest request) {
        String method = request.getMethod();
        return request.getContentLengthLong() != 0 && !"GET".equals(method) && !"HEAD".equals(method);
    }

    private static boolean expectsContinue(HttpServletRequest request) {
        String expect = request.getHeader("Expect");
        return expect != null && expect.trim().equalsIgnoreCase("100-continue");
    }
}
