package dev.brokerwatch.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** This harness's own version (the brokerwatch version it was built with), for the artifacts it fetches to match. */
public final class HarnessVersion {
    private static final String VERSION = load();

    private HarnessVersion() {}

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = HarnessVersion.class.getResourceAsStream("harness.properties")) {
            if (in == null) {
                throw new IllegalStateException("the resource harness.properties is missing from the harness jar");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
