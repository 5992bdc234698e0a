package io.punnet.lab;

/**
 * A change the observer saw in one node's view of one member, at the time of the poll that showed
 * it (so up to one poll interval late). {@code from} or {@code to} is "ABSENT" when the member was
 * not listed.
 */
public record Transition(long timeMs, String observer, String member, String from, String to) {
}
