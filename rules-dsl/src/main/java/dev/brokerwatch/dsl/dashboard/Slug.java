package dev.brokerwatch.dsl.dashboard;

import java.text.Normalizer;
import java.util.Locale;

/** Grafana's URL slug of a title: lower case, runs of anything but letters and digits become one '-'. */
public final class Slug {
    private Slug() {
    }

    public static String of(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "dashboard" : slug;
    }
}
