package io.punnet.monitoring.core;

import java.util.regex.Pattern;

/**
 * Numbers as short, locale-free text, for the gossip form of the metrics.
 *
 * <p>{@code String.format("%.1f")} would write {@code 12,5} on a node whose default locale is
 * German, and {@code Double.toString} writes {@code 1.0E10}; both would break other nodes. Here a
 * decimal is rounded to a fixed number of places (half away from zero) and trailing zeros are
 * dropped: {@code 12.50 → "12.5"}, {@code 3.0 → "3"}. Parsing is strict: only
 * {@code -?digits(.digits)?}, so {@code NaN}, {@code 1e9} or hexadecimal never get in.
 */
public final class DecimalText {

    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,15}(\\.\\d{1,6})?");
    private static final Pattern COUNT = Pattern.compile("\\d{1,19}");
    private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    private DecimalText() {
    }

    /**
     * {@code value} rounded to {@code places} decimals (0–6), or null when it is not finite or
     * too large to print exactly.
     */
    public static String format(double value, int places) {
        if (!Double.isFinite(value) || Math.abs(value) >= 1e12) {
            return null;
        }
        long scaled = Math.round(Math.abs(value) * POWERS[places]);
        long whole = scaled / POWERS[places];
        long fraction = scaled % POWERS[places];
        String sign = value < 0 && scaled != 0 ? "-" : "";
        if (fraction == 0) {
            return sign + whole;
        }
        String digits = Long.toString(fraction + POWERS[places]).substring(1);
        return sign + whole + "." + stripZeros(digits);
    }

    /** A decimal written by {@link #format}, or null if {@code text} is not one. */
    public static Double parseDecimal(String text) {
        return DECIMAL.matcher(text).matches() ? Double.valueOf(text) : null;
    }

    /** A non-negative whole number, or null if {@code text} is not one (or overflows a long). */
    public static Long parseCount(String text) {
        if (!COUNT.matcher(text).matches()) {
            return null;
        }
        try {
            return Long.valueOf(text);
        } catch (NumberFormatException overflow) {
            return null;
        }
    }

    private static String stripZeros(String digits) {
        int end = digits.length();
        while (end > 0 && digits.charAt(end - 1) == '0') {
            end--;
        }
        return digits.substring(0, end);
    }
}
