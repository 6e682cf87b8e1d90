package io.graphmeet.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version and build time of this build, as Maven stamped them into {@code version.properties}. */
public final class Version {

    private static final Properties STAMPED = read();

    private Version() {}

    /** E.g. {@code 0.1.0-SNAPSHOT}. */
    public static String current() {
        return STAMPED.getProperty("version");
    }

    /** When Maven built it, e.g. {@code 2026-11-30T09:06:44Z}. */
    public static String build() {
        return STAMPED.getProperty("build");
    }

    private static Properties read() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the build");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
