/**
 * The development profile's well-known demo directory ({@link io.graphmeet.demo.DemoDirectory}): what a
 * fresh {@code bin/graphmeet} needs to answer a real call with no setup.
 */
package io.graphmeet.demo;
