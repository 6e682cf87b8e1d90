package io.graphmeet;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphmeet.config.ConfigReport;
import io.graphmeet.testing.RepositoryFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The README and docs/ stand on their own: no references to files users do not have, no broken links. */
class DocumentationTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern SETTING = Pattern.compile("(?m)^  (\\S+) / (GRAPHMEET_\\S+)  \\[");
    private static final Pattern README_ROW = Pattern.compile("(?m)^\\| `([a-zA-Z.]+)` \\| `(GRAPHMEET_[A-Z_]+)`");

    @Test
    void citesNoSpecificationUsersDoNotHave() throws IOException {
        for (Path page : pages()) {
            assertThat(Files.readString(page)).as(page.toString()).doesNotContainPattern("SPEC\\b");
        }
    }

    @Test
    void everyRelativeLinkReachesAFileAndHeadingThatExist() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            Matcher link = LINK.matcher(Files.readString(page));
            while (link.find()) {
                String target = link.group(1);
                if (target.startsWith("http://") || target.startsWith("https://") || target.startsWith("mailto:")) {
                    continue;
                }
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                Path linked = file.isEmpty()
                        ? page
                        : page.toAbsolutePath().getParent().resolve(file).normalize();
                if (!Files.exists(linked)) {
                    broken.add(page + ": " + target);
                } else if (target.contains("#")
                        && !anchors(linked).contains(target.substring(target.indexOf('#') + 1))) {
                    broken.add(page + ": " + target + " (no such heading)");
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void theReadmesConfigurationTableHasExactlyTheSettingsOfTheCatalogue() throws IOException {
        Set<String> catalogue = new TreeSet<>();
        Matcher setting = SETTING.matcher(ConfigReport.reference());
        while (setting.find()) {
            catalogue.add(setting.group(1) + " " + setting.group(2));
        }
        Set<String> readme = new TreeSet<>();
        Matcher row = README_ROW.matcher(Files.readString(RepositoryFiles.path("README.md")));
        while (row.find()) {
            readme.add(row.group(1) + " " + row.group(2));
        }
        assertThat(catalogue).hasSizeGreaterThan(20);
        assertThat(readme).isEqualTo(catalogue);
    }

    @Test
    void theLicenseIsTheFullApacheLicense2() throws IOException {
        String license = Files.readString(RepositoryFiles.path("LICENSE"));
        assertThat(license.strip())
                .startsWith("Apache License")
                .contains(
                        "Version 2.0, January 2004",
                        "TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION",
                        "9. Accepting Warranty or Additional Liability",
                        "END OF TERMS AND CONDITIONS",
                        "http://www.apache.org/licenses/LICENSE-2.0");
        assertThat(Files.readString(RepositoryFiles.path("README.md"))).contains("[Apache License 2.0](LICENSE)");
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(RepositoryFiles.path("README.md")));
        try (Stream<Path> docs = Files.list(RepositoryFiles.path("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /** GitHub's anchors of a page's headings: lower case, punctuation dropped, spaces as hyphens. */
    private static List<String> anchors(Path page) throws IOException {
        return Files.readString(page)
                .lines()
                .filter(line -> line.startsWith("#"))
                .map(line -> line.replaceFirst("^#+\\s*", "")
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "")
                        .replace(' ', '-'))
                .toList();
    }
}
