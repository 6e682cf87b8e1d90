package io.graphmeet.browser;

import static org.assertj.core.api.Assertions.fail;

import com.deque.html.axecore.selenium.AxeBuilder;
import io.graphmeet.testing.RepositoryFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for one test class: Debian's {@code chromium} driven through Debian's {@code chromedriver},
 * with a fresh profile folder deleted on {@link #close}. Both paths are given to Selenium, so Selenium Manager never
 * runs and nothing is downloaded; a machine without them fails the test with one line saying how to install them.
 */
public final class Browser implements AutoCloseable {

    /** Where screenshots and accessibility reports go: {@code server/target/screenshots/}. */
    public static final Path SCREENSHOTS = RepositoryFiles.path("server", "target", "screenshots");

    private static final Path CHROMIUM =
            Path.of(System.getenv().getOrDefault("GRAPHMEET_CHROMIUM", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getenv().getOrDefault("GRAPHMEET_CHROMEDRIVER", "/usr/bin/chromedriver"));
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int MAX_SCREENSHOT_HEIGHT = 8000;

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A browser running pages' JavaScript, as most people's does, in English, in the time zone UTC. */
    public static Browser start() {
        return start(true, "UTC");
    }

    /** A browser that runs no JavaScript of the pages it opens, for pages that must work without it. */
    public static Browser withoutJavaScript() {
        return start(false, "UTC");
    }

    /** A browser running JavaScript whose user lives in {@code timeZone}, e.g. {@code Asia/Kolkata}. */
    public static Browser inTimeZone(String timeZone) {
        return start(true, timeZone);
    }

    private static Browser start(boolean javaScript, String timeZone) {
        requireChromium();
        Path profile;
        try {
            profile = Files.createTempDirectory("graphmeet-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--disable-dev-shm-usage",
                        "--window-size=1280,1000",
                        "--lang=en-US",
                        "--user-data-dir=" + profile);
        if (!javaScript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withEnvironment(Map.of("TZ", timeZone))
                .build();
        try {
            return new Browser(new ChromeDriver(service, options), profile);
        } catch (RuntimeException e) {
            deleteTree(profile);
            throw e;
        }
    }

    /** Fails the calling test, in one line saying how to install them, unless Chromium and its driver are here. */
    public static void requireChromium() {
        missing(CHROMIUM, CHROMEDRIVER).ifPresent(advice -> fail(advice));
    }

    /** The one line telling how to install the browser, when {@code chromium} or {@code chromedriver} is missing. */
    static Optional<String> missing(Path chromium, Path chromedriver) {
        if (Files.isExecutable(chromium) && Files.isExecutable(chromedriver)) {
            return Optional.empty();
        }
        return Optional.of("The browser tests need Debian's Chromium and its driver (" + chromium + ", " + chromedriver
                + "): install them with 'apt-get install chromium chromium-driver' (bin/test does when it runs as "
                + "root or with password-less sudo), or point GRAPHMEET_CHROMIUM and GRAPHMEET_CHROMEDRIVER at them.");
    }

    /** The Selenium driver, for anything this class does not offer. */
    public WebDriver driver() {
        return driver;
    }

    /** Opens {@code url} and waits until the document has loaded. */
    public Browser open(String url) {
        driver.get(url);
        await(page -> "complete".equals(driver.executeScript("return document.readyState")));
        return this;
    }

    /** The element {@code selector} finds; fails if there is none. */
    public WebElement find(By selector) {
        return driver.findElement(selector);
    }

    /** The visible text of the element {@code selector} finds. */
    public String text(By selector) {
        return find(selector).getText();
    }

    /** Waits, at most ten seconds, until {@code condition} holds. */
    public <T> T await(Function<WebDriver, T> condition) {
        // a page that re-renders may replace an element between finding it and reading it: find it again
        return new WebDriverWait(driver, WAIT)
                .ignoring(StaleElementReferenceException.class)
                .until(condition::apply);
    }

    /**
     * Saves the whole page, not only the part in the window, as {@code server/target/screenshots/{name}.png} and
     * returns the file.
     */
    public Path screenshot(String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        @SuppressWarnings("unchecked")
        Map<String, Number> size = (Map<String, Number>) driver.executeScript("return {width: "
                + "document.documentElement.scrollWidth, height: document.documentElement.scrollHeight}");
        Map<String, Object> whole = Map.of(
                "x",
                0,
                "y",
                0,
                "width",
                size.get("width"),
                "height",
                Math.min(size.get("height").longValue(), MAX_SCREENSHOT_HEIGHT),
                "scale",
                1);
        Object png = driver.executeCdpCommand(
                        "Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true, "clip", whole))
                .get("data");
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(file, Base64.getDecoder().decode((String) png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * Runs axe-core (bundled with Deque's Selenium integration, injected into the page) on the open page, saves its
     * findings as {@code server/target/screenshots/{name}-axe.json} and returns them.
     */
    public Accessibility checkAccessibility(String name) {
        Accessibility report = Accessibility.of(new AxeBuilder().analyze(driver));
        report.saveAs(SCREENSHOTS.resolve(name + "-axe.json"));
        return report;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a profile folder left in the temporary directory harms nothing
        }
    }
}
