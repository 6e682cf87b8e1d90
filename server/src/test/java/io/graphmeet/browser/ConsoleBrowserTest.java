package io.graphmeet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphmeet.Graphmeet;
import io.graphmeet.testing.AdminHttp;
import io.graphmeet.testing.Backend;
import io.graphmeet.testing.GraphResponse;
import io.graphmeet.testing.TestServer;
import io.graphmeet.testing.TokenHttp;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in a real headless Chromium against a real graphmeet: signing in with the admin key, granting a
 * policy so that an application's createOrGet that failed with 403 succeeds on retry, and every page checked by
 * axe-core and saved as a screenshot under {@code server/target/screenshots/console-*.png}. The Graph calls are
 * plain HTTP with tokens from the built-in issuer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {

    private static final String TENANT = "6a1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";
    private static final String USER = "7b2d3e4f-5061-4728-93a4-b5c6d7e8f9a0";
    private static final String POLICY = "meeting-bookers";
    private static final Pattern LINK = Pattern.compile("console: sign in once with (\\S+)");

    private final List<String> logLines = new CopyOnWriteArrayList<>();
    private final Handler logCapture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logLines.add(record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private final Logger graphmeetLog = Logger.getLogger(Graphmeet.class.getName());
    private TestServer server;
    private String appId;
    private String secret;

    @BeforeAll
    void start(@TempDir Path scratch) {
        Browser.requireChromium();
        graphmeetLog.addHandler(logCapture);
        server = TestServer.on(Backend.EMBEDDED, scratch).start();
        AdminHttp admin = server.admin();
        admin.post("/admin/v1/tenants", "{\"id\":\"" + TENANT + "\",\"displayName\":\"Northwind\"}");
        admin.post("/admin/v1/tenants/" + TENANT + "/users", "{\"id\":\"" + USER
                + "\",\"userPrincipalName\":\"nancy@northwind.test\",\"displayName\":\"Nancy Davolio\"}");
        GraphResponse app = admin.post("/admin/v1/tenants/" + TENANT + "/apps",
                "{\"displayName\":\"Booking service\",\"permissions\":[\"OnlineMeetings.ReadWrite.All\"]}");
        appId = app.json().get("appId").asText();
        secret = app.json().get("secretText").asText();
        admin.post("/admin/v1/tenants/" + TENANT + "/policies",
                "{\"identity\":\"" + POLICY + "\",\"appIds\":[\"" + appId + "\"]}");
    }

    @AfterAll
    void stop() {
        graphmeetLog.removeHandler(logCapture);
        if (server != null) {
            server.close();
        }
    }

    @Test
    void signInGrantThePolicyAndTheApplicationsRetrySucceeds() {
        String body = "{\"externalId\":\"console-retry\",\"subject\":\"Quarterly review\"}";
        assertThat(createOrGet(body).status()).as("before the grant").isEqualTo(403);

        try (Browser browser = Browser.start()) {
            signIn(browser);
            view(browser, "access", "Policies and grants");
            browser.await(page -> !page.findElements(By.cssSelector("form[aria-label='Grant a policy']")).isEmpty());
            new Select(browser.find(By.cssSelector("form[aria-label='Grant a policy'] select[name=policy]")))
                    .selectByValue(POLICY);
            WebElement user = browser.find(By.cssSelector("form[aria-label='Grant a policy'] select[name=user]"));
            new Select(user).selectByValue(USER);
            user.sendKeys(Keys.TAB);
            WebElement grant = browser.driver().switchTo().activeElement();
            assertThat(grant.getText()).as("Tab moves from the user to the Grant button").isEqualTo("Grant");
            assertThat(grant.getCssValue("outline-style")).as("keyboard focus is visible").isEqualTo("solid");
            grant.sendKeys(Keys.ENTER);

            browser.await(page -> page.findElement(By.tagName("main")).getText().contains("nancy@northwind.test " + USER));
            assertThat(server.admin().get("/admin/v1/tenants/" + TENANT + "/grants").json().at("/users/0/policy").asText())
                    .isEqualTo(POLICY);
            browser.screenshot("console-access");
        }

        GraphResponse retried = createOrGet(body);
        assertThat(retried.status()).as("after the grant").isEqualTo(201);
        assertThat(retried.json().get("subject").asText()).isEqualTo("Quarterly review");
    }

    @Test
    void theOneTimeLinkFromTheStartUpLogOpensTheConsole() {
        String link = logLines.stream().map(LINK::matcher).filter(Matcher::find).map(matcher -> matcher.group(1))
                .reduce((first, last) -> last).orElseThrow();
        try (Browser browser = Browser.start()) {
            browser.open(link);
            browser.await(page -> page.getCurrentUrl().endsWith("/console/"));
            browser.await(page -> page.findElement(By.tagName("h1")).getText().equals("Tenants")
                    && page.findElement(By.tagName("main")).getText().contains("Northwind"));
            browser.find(By.id("signout")).click();
            browser.await(page -> page.getCurrentUrl().endsWith("/console/signin"));
            browser.open(server.adminUrl() + "/console/");
            assertThat(browser.driver().getCurrentUrl()).as("signed out").endsWith("/console/signin");
        }
    }

    @Test
    void everyPageIsAccessibleAndSavedAsAScreenshot() {
        try (Browser browser = Browser.start()) {
            browser.open(server.adminUrl() + "/console/signin");
            check(browser, "console-signin");
            signIn(browser);
            for (String[] page : new String[][] {
                {"tenants", "Tenants", "Northwind"},
                {"users", "Users", "nancy@northwind.test"},
                {"apps", "Apps", "Booking service"},
                {"access", "Policies and grants", POLICY},
                {"meetings", "Meetings", "Search"},
                {"journal", "Request journal", "Filter"},
                {"faults", "Fault rules", "Add rule"},
                {"explain", "Explainer", "Explain"},
            }) {
                view(browser, page[0], page[1]);
                browser.await(driver -> driver.findElement(By.tagName("main")).getText().contains(page[2]));
                check(browser, "console-" + page[0]);
            }
        }
    }

    private void check(Browser browser, String name) {
        browser.screenshot(name);
        Accessibility report = browser.checkAccessibility(name);
        System.out.println("axe-core " + name + ": " + report.summary());
        assertThat(report.seriousOrCritical()).as(name).isEmpty();
    }

    private void signIn(Browser browser) {
        browser.open(server.adminUrl() + "/console/signin");
        WebElement key = browser.find(By.id("key"));
        key.sendKeys(TestServer.ADMIN_KEY);
        key.submit();
        browser.await(page -> page.getCurrentUrl().endsWith("/console/")
                && page.findElement(By.tagName("h1")).getText().equals("Tenants"));
    }

    /** Opens a view for the tenant and waits until its heading shows. */
    private void view(Browser browser, String name, String title) {
        browser.open(server.adminUrl() + "/console/#/" + name + "?tenant=" + TENANT);
        browser.await(page -> page.findElement(By.tagName("h1")).getText().equals(title));
    }

    private GraphResponse createOrGet(String body) {
        String token = TokenHttp.accessToken(server.tokens().clientCredentials(TENANT, appId, secret));
        return server.http().post("/v1.0/users/" + USER + "/onlineMeetings/createOrGet", token, body);
    }
}
