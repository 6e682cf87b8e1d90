package io.graphmeet.observe;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** This build's version and build time, written into {@code graphmeet-build.properties} by Maven. */
public record BuildInfo(String version, String build) {

    private static final String RESOURCE = "/graphmeet-build.properties";

    /** The build this code came from; "unknown" for what the resource does not say. */
    public static BuildInfo current() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BuildInfo(properties.getProperty("version", "unknown"), properties.getProperty("build", "unknown"));
    }
}
