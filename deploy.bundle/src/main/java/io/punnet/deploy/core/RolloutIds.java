package io.punnet.deploy.core;

import java.util.OptionalLong;

/** Rollout ids as text: the rollout's first version in base 36 ({@code m3k9x2ab}), short and URL-safe. */
public final class RolloutIds {

    private RolloutIds() {
    }

    public static String format(long id) {
        return Long.toString(id, 36);
    }

    /** The id, or empty when the text is not one. */
    public static OptionalLong parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 13) {
            return OptionalLong.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z')) {
                return OptionalLong.empty();
            }
        }
        try {
            return OptionalLong.of(Long.parseLong(text, 36));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
