package io.punnet.itest;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Bounded polling of an HTTP route until its answer is what a test waits for. */
final class Polling {

    /** One request; may fail with an IOException while the node is not listening yet. */
    @FunctionalInterface
    interface Request {
        HttpResponse<String> send() throws IOException, InterruptedException;
    }

    private Polling() {
    }

    /**
     * Sends the request every {@code every} until it answers 200 with a body containing
     * {@code wanted}; fails after {@code timeout} with the last answer.
     */
    static void awaitBody(String what, Request request, String wanted, Duration timeout, Duration every)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = request.send();
                last = response.statusCode() + " " + response.body();
                if (response.statusCode() == 200 && response.body().contains(wanted)) {
                    return;
                }
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(every.toMillis());
        }
        throw new AssertionError("no '" + wanted + "' from " + what + " within " + timeout.toSeconds() + " s; last: " + last);
    }
}
