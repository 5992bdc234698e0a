package io.punnet.rest.core;

/**
 * Writes the Prometheus text exposition format (version 0.0.4): one {@code # HELP} and
 * {@code # TYPE} line per family, then its samples, label values escaped. A sample whose value is
 * unknown (null) is left out, as an exporter does for a sensor that is not there. Not thread safe:
 * one per scrape.
 */
final class PrometheusText {

    private final StringBuilder out = new StringBuilder(4096);

    /** Starts a family; its samples must follow before the next family starts. */
    PrometheusText family(String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        return this;
    }

    /**
     * One sample; {@code labels} alternate names and values. A null value writes nothing.
     */
    PrometheusText sample(String name, Number value, String... labels) {
        if (value == null) {
            return this;
        }
        out.append(name);
        if (labels.length > 0) {
            out.append('{');
            for (int i = 0; i + 1 < labels.length; i += 2) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(labels[i]).append("=\"").append(escape(labels[i + 1])).append('"');
            }
            out.append('}');
        }
        out.append(' ').append(format(value)).append('\n');
        return this;
    }

    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    static String format(Number value) {
        if (value instanceof Double || value instanceof Float) {
            double d = value.doubleValue();
            if (Double.isNaN(d)) {
                return "NaN";
            }
            if (Double.isInfinite(d)) {
                return d > 0 ? "+Inf" : "-Inf";
            }
            return Double.toString(d);
        }
        return Long.toString(value.longValue());
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
