package io.graphmeet.junit;

/** How long one graphmeet lives: for a whole test class, or for each test method. */
public enum Lifecycle {
    /** One graphmeet for the test class; every test still gets a fresh tenant. */
    PER_CLASS,
    /** A new graphmeet, with a new database, for each test method. */
    PER_METHOD
}
