package io.graphmeet.cli;

/** A command failed for a reason the user is told in one line; the CLI exits with status 1. */
final class CliException extends RuntimeException {

    CliException(String message) {
        super(message, null, false, false);
    }
}
