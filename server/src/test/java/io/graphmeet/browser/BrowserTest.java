package io.graphmeet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/** The browser-test kit itself: its screenshots, its accessibility check and its switch for JavaScript. */
class BrowserTest {

    private static final String SCRIPTED = """
            <!doctype html><html lang="en"><head><title>kit</title></head><body><main>
            <h1 id="state">static</h1>
            <script>document.getElementById('state').textContent = 'scripted';</script>
            </main></body></html>""";

    @Test
    void savesAScreenshotAsAPngUnderTarget() throws Exception {
        try (Browser browser = Browser.start()) {
            Path file = browser.open(page(SCRIPTED)).screenshot("browser-kit");

            assertThat(file).startsWith(Browser.SCREENSHOTS).hasFileName("browser-kit.png");
            byte[] header = Files.readAllBytes(file);
            assertThat(header).startsWith(0x89, 'P', 'N', 'G');
        }
    }

    @Test
    void runsThePagesJavaScriptUnlessToldNotTo() {
        try (Browser withScript = Browser.start();
                Browser without = Browser.withoutJavaScript()) {
            assertThat(withScript.open(page(SCRIPTED)).text(By.id("state"))).isEqualTo("scripted");
            assertThat(without.open(page(SCRIPTED)).text(By.id("state"))).isEqualTo("static");
        }
    }

    @Test
    void accessibilityCheckFindsAnImageWithoutAlternativeTextAndPassesACleanPage() {
        String broken = """
                <!doctype html><html lang="en"><head><title>broken</title></head><body><main>
                <h1>A picture</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
                </main></body></html>""";
        try (Browser browser = Browser.start()) {
            Accessibility bad = browser.open(page(broken)).checkAccessibility("browser-kit-broken");
            Accessibility good = browser.open(page(SCRIPTED)).checkAccessibility("browser-kit-clean");

            assertThat(bad.seriousOrCritical())
                    .extracting(Accessibility.Violation::rule)
                    .contains("image-alt");
            assertThat(good.seriousOrCritical()).isEmpty();
            assertThat(good.passes()).isPositive();
            assertThat(Browser.SCREENSHOTS.resolve("browser-kit-broken-axe.json"))
                    .content()
                    .contains("image-alt");
        }
    }

    @Test
    void saysInOneLineHowToInstallTheBrowserWhenItIsMissing(@TempDir Path empty) {
        Path chromium = empty.resolve("chromium");
        Path driver = empty.resolve("chromedriver");

        assertThat(Browser.missing(chromium, driver))
                .hasValueSatisfying(advice -> assertThat(advice)
                        .contains("apt-get install chromium chromium-driver")
                        .contains(chromium.toString())
                        .doesNotContain("\n"));
        assertThat(Browser.missing(Path.of("/bin/sh"), Path.of("/bin/sh"))).isEmpty();
    }

    private static String page(String html) {
        return "data:text/html;charset=utf-8,"
                + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
