/**
 * The configuration record tree ({@link io.graphmeet.config.GraphmeetConfig}) and its loader
 * ({@link io.graphmeet.config.ConfigLoader}): defaults, YAML file, environment overrides, validation. The settings
 * catalogue ({@code Setting}) also feeds {@link io.graphmeet.config.ConfigReport}: {@code --help}, the logged
 * effective configuration and start-up warnings. {@link io.graphmeet.config.Version} is the build's version.
 */
package io.graphmeet.config;
