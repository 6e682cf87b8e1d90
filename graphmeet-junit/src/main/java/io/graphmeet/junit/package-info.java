/**
 * The JUnit 5 extension: {@link io.graphmeet.junit.GraphmeetTest} (or a registered {@link
 * io.graphmeet.junit.GraphmeetExtension}) runs a {@link io.graphmeet.testkit.GraphmeetServer} per test class or
 * per test method and injects what a test needs into its parameters.
 */
package io.graphmeet.junit;
