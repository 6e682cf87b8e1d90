package io.graphmeet.observe;

import java.util.Optional;

/** One condition a node must meet to take traffic; {@link #problem()} says why it does not, if it does not. */
public interface Readiness {

    /** The check's name, as the health endpoint shows it. */
    String name();

    /** Empty when ready; otherwise what is wrong. Never throws. */
    Optional<String> problem();

    static Readiness of(String name, java.util.function.Supplier<Optional<String>> problem) {
        return new Readiness() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<String> problem() {
                try {
                    return problem.get();
                } catch (RuntimeException e) {
                    return Optional.of(String.valueOf(e.getMessage()));
                }
            }
        };
    }
}
