package io.graphmeet.browser;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What axe-core found on one page: each violated rule with its impact ({@code minor}, {@code moderate},
 * {@code serious}, {@code critical}) and how many elements break it, and how many rules passed or need a person
 * to judge ({@code incomplete}).
 */
public record Accessibility(String url, List<Violation> violations, int passes, int incomplete) {

    /** One violated rule. */
    public record Violation(String rule, String impact, int elements, String help) {}

    public Accessibility {
        violations = List.copyOf(violations);
    }

    static Accessibility of(Results results) {
        if (results.isErrored()) {
            throw new IllegalStateException(
                    "axe-core failed on " + results.getUrl() + ": " + results.getErrorMessage());
        }
        return new Accessibility(
                results.getUrl(),
                results.getViolations().stream().map(Accessibility::violation).toList(),
                results.getPasses().size(),
                results.getIncomplete().size());
    }

    private static Violation violation(Rule rule) {
        String impact = rule.getImpact() == null ? "unknown" : rule.getImpact().toLowerCase(Locale.ROOT);
        return new Violation(rule.getId(), impact, rule.getNodes().size(), rule.getHelp());
    }

    /** The violations a test must not accept: impact serious or critical. */
    public List<Violation> seriousOrCritical() {
        return violations.stream()
                .filter(v -> v.impact().equals("serious") || v.impact().equals("critical"))
                .toList();
    }

    /** How many violated rules have {@code impact}. */
    public long count(String impact) {
        return violations.stream().filter(v -> v.impact().equals(impact)).count();
    }

    /** The counts in one line, e.g. for a test's report: {@code 0 critical, 0 serious, 1 moderate, 0 minor; 31 passed, 2 incomplete}. */
    public String summary() {
        return count("critical") + " critical, " + count("serious") + " serious, " + count("moderate") + " moderate, "
                + count("minor") + " minor; " + passes + " passed, " + incomplete + " incomplete";
    }

    void saveAs(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file,
                    new ObjectMapper()
                            .enable(SerializationFeature.INDENT_OUTPUT)
                            .writeValueAsString(this));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
