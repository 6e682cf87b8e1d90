/** Scripted faults: rules, set by the operator or a test, that make chosen Graph requests fail or slow down. */
package io.graphmeet.faults;
