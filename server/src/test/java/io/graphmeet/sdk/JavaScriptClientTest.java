package io.graphmeet.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphmeet.testing.JsClientHarness;
import io.graphmeet.testing.RepositoryFiles;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Microsoft Graph JavaScript client and {@code @azure/identity} ({@code clients/js}) pass their tests against a
 * running graphmeet.
 */
class JavaScriptClientTest {

    private static final Pattern COUNT = Pattern.compile("^# (tests|pass|fail) (\\d+)$", Pattern.MULTILINE);

    @Test
    void theJavaScriptClientPassesEveryOperation(@TempDir Path scratch) {
        JsClientHarness.Result result = JsClientHarness.run(RepositoryFiles.path("clients", "js"), scratch);

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(count(result.output(), "fail")).as(result.output()).isZero();
        assertThat(count(result.output(), "tests")).as(result.output()).isGreaterThanOrEqualTo(9);
        assertThat(count(result.output(), "pass")).isEqualTo(count(result.output(), "tests"));
    }

    private static int count(String tap, String what) {
        Matcher match = COUNT.matcher(tap);
        while (match.find()) {
            if (match.group(1).equals(what)) {
                return Integer.parseInt(match.group(2));
            }
        }
        throw new AssertionError("no '# " + what + "' line in the node --test summary:\n" + tap);
    }
}
