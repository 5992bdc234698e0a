package io.punnet.lab;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One membership line of a node's log, with the node's own millisecond timestamp (all nodes share
 * the machine's clock, so these times compare exactly across nodes, unlike REST polls):
 * {@code member n3 is DEAD (was SUSPECT)}, {@code member n3 at 10.77.0.3:7946 joined},
 * {@code member n3 restarted (generation …)}, {@code member n3 removed}, and this node's own
 * {@code gossip started}.
 *
 * @param timeMs   when, in epoch milliseconds
 * @param observer the node whose log it is
 * @param member   the member it is about ({@code observer} for "started")
 * @param kind     STARTED, JOINED, STATUS, RESTARTED or REMOVED
 * @param status   for STATUS, the new status; otherwise empty
 */
public record LogEvent(long timeMs, String observer, String member, Kind kind, String status) {

    /** What the line says. */
    public enum Kind { STARTED, JOINED, STATUS, RESTARTED, REMOVED }

    private static final Pattern LINE = Pattern.compile(
            "^(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}) \\w+ (\\w+) - (.*)$");
    private static final Pattern STATUS = Pattern.compile("member (\\S+) is (\\w+) \\(was \\w+\\)");
    private static final Pattern JOINED = Pattern.compile("member (\\S+) at \\S+ joined");
    private static final Pattern RESTARTED = Pattern.compile("member (\\S+) restarted.*");
    private static final Pattern REMOVED = Pattern.compile("member (\\S+) removed");

    /** The event a log line of {@code observer} tells, if it tells one. */
    public static Optional<LogEvent> parse(String observer, String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        long time;
        try {
            time = LocalDateTime.parse(m.group(1)).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        String logger = m.group(2);
        String text = m.group(3);
        if (logger.equals("GossipComponent") && text.startsWith("gossip started")) {
            return Optional.of(new LogEvent(time, observer, observer, Kind.STARTED, ""));
        }
        if (!logger.equals("EventDispatcher")) {
            return Optional.empty();
        }
        Matcher s = STATUS.matcher(text);
        if (s.matches()) {
            return Optional.of(new LogEvent(time, observer, s.group(1), Kind.STATUS, s.group(2)));
        }
        for (var p : new Object[][] {{JOINED, Kind.JOINED}, {RESTARTED, Kind.RESTARTED}, {REMOVED, Kind.REMOVED}}) {
            Matcher k = ((Pattern) p[0]).matcher(text);
            if (k.matches()) {
                return Optional.of(new LogEvent(time, observer, k.group(1), (Kind) p[1], ""));
            }
        }
        return Optional.empty();
    }
}
