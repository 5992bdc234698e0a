package io.punnet.lab;

/**
 * How one node saw one member at one poll.
 *
 * @param status     ALIVE, SUSPECT, DEAD, LEFT (as the REST API names them)
 * @param generation the member's generation (boot time)
 */
public record MemberView(String status, long generation) {

    public boolean alive() {
        return status.equals("ALIVE");
    }
}
