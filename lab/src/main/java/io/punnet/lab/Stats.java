package io.punnet.lab;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Median and extremes of a set of figures (milliseconds, bytes, …), as the lab prints them. */
public record Stats(int count, long min, long median, long max) {

    /** The figures' stats; negative figures (not measured) are left out. */
    public static Stats of(Collection<Long> values) {
        List<Long> sorted = new ArrayList<>(values.stream().filter(v -> v >= 0).sorted().toList());
        if (sorted.isEmpty()) {
            return new Stats(0, -1, -1, -1);
        }
        int n = sorted.size();
        long median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Stats(n, sorted.get(0), median, sorted.get(n - 1));
    }

    @Override
    public String toString() {
        return count == 0 ? "none measured" : "median " + median + ", min " + min + ", max " + max + " (n=" + count + ")";
    }
}
