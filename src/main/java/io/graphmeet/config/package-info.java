/**
 * The configuration record tree ({@link io.graphmeet.config.GraphmeetConfig}) and its loader
 * ({@link io.graphmeet.config.ConfigLoader}): defaults, YAML file, environment overrides, validation.
 */
package io.graphmeet.config;
