package io.graphmeet.config;

/** The configuration is invalid; the message names the setting. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
