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
import org.openqa.selenium.JavascriptExecutor;
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
    private static final String OTHER_USER = "8c3e4f50-6172-4839-a4b5-c6d7e8f9a0b1";
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
        admin.post(
                "/admin/v1/tenants/" + TENANT + "/users",
                "{\"id\":\"" + USER
                        + "\",\"userPrincipalName\":\"nancy@northwind.test\",\"displayName\":\"Nancy Davolio\"}");
        admin.post(
                "/admin/v1/tenants/" + TENANT + "/users",
                "{\"id\":\"" + OTHER_USER
                        + "\",\"userPrincipalName\":\"andrew@northwind.test\",\"displayName\":\"Andrew Fuller\"}");
        GraphResponse app = admin.post(
                "/admin/v1/tenants/" + TENANT + "/apps",
                "{\"displayName\":\"Booking service\",\"permissions\":[\"OnlineMeetings.ReadWrite.All\"]}");
        appId = app.json().get("appId").asText();
        secret = app.json().get("secretText").asText();
        admin.post(
                "/admin/v1/tenants/" + TENANT + "/policies",
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
    void signInGrantThePolicyAndWatchTheApplicationsRetrySucceedInTheLiveJournal() {
        String body = "{\"externalId\":\"console-retry\",\"subject\":\"Quarterly review\"}";
        assertThat(createOrGet(USER, body).status()).as("before the grant").isEqualTo(403);

        try (Browser browser = Browser.start()) {
            signIn(browser);
            view(browser, "journal", "Request journal");
            browser.await(page -> row(browser, 403, USER) != null);
            browser.find(By.cssSelector("tr[data-status='403'] a[aria-label^='Why was request']"))
                    .click();
            browser.await(page -> text(browser, "h1").equals("Explainer"));
            String denied = browser.await(page -> {
                String answer = text(browser, "section[aria-label=Explanation]");
                return answer.isEmpty() ? null : answer;
            });
            assertThat(denied).startsWith("Denied").contains("No application access policy");
            check(browser, "console-explain-denied");

            view(browser, "access", "Policies and grants");
            browser.await(page -> !page.findElements(By.cssSelector("form[aria-label='Grant a policy']"))
                    .isEmpty());
            new Select(browser.find(By.cssSelector("form[aria-label='Grant a policy'] select[name=policy]")))
                    .selectByValue(POLICY);
            WebElement user = browser.find(By.cssSelector("form[aria-label='Grant a policy'] select[name=user]"));
            new Select(user).selectByValue(USER);
            user.sendKeys(Keys.TAB);
            WebElement grant = browser.driver().switchTo().activeElement();
            assertThat(grant.getText())
                    .as("Tab moves from the user to the Grant button")
                    .isEqualTo("Grant");
            assertThat(grant.getCssValue("outline-style"))
                    .as("keyboard focus is visible")
                    .isEqualTo("solid");
            grant.sendKeys(Keys.ENTER);
            browser.await(page -> text(browser, "main").contains("nancy@northwind.test " + USER));
            assertThat(server.admin()
                            .get("/admin/v1/tenants/" + TENANT + "/grants")
                            .json()
                            .at("/users/0/policy")
                            .asText())
                    .isEqualTo(POLICY);
            check(browser, "console-access-granted");

            view(browser, "journal", "Request journal");
            browser.await(page -> row(browser, 403, USER) != null);
            GraphResponse retried = createOrGet(USER, body);
            assertThat(retried.status()).as("after the grant").isEqualTo(201);
            assertThat(retried.json().get("subject").asText()).isEqualTo("Quarterly review");
            String path = "/v1.0/users/" + USER + "/onlineMeetings/createOrGet";
            browser.await(page -> row(browser, 201, path) != null);
            assertThat(row(browser, 201, path)).contains("createOrGet", "POST " + path);
            ((JavascriptExecutor) browser.driver())
                    .executeScript(
                            "[...document.querySelectorAll(\"tr[data-status='201']\")]"
                                    + ".find(row => row.innerText.includes(arguments[0])).querySelector('button[aria-expanded]').click()",
                            path);
            browser.await(
                    page -> text(browser, "tr.detail:not([hidden])").contains("\"subject\": \"Quarterly review\""));
            check(browser, "console-journal-live");

            assertThat(explain(browser)).startsWith("Allowed").contains(POLICY, "granted to the user");
            check(browser, "console-explain-allowed");
        }
    }

    /** The text of the journal's newest row with {@code status} that mentions {@code text}, or null while there is none. */
    private static String row(Browser browser, int status, String text) {
        Object found = ((JavascriptExecutor) browser.driver())
                .executeScript(
                        "const row = [...document.querySelectorAll("
                                + "\"tr[data-status='\" + arguments[0] + \"']\")].find(row => row.innerText.includes(arguments[1]));"
                                + " return row ? row.innerText : null;",
                        status,
                        text);
        return found == null ? null : found.toString();
    }

    @Test
    void theOneTimeLinkFromTheStartUpLogOpensTheConsole() {
        String link = logLines.stream()
                .map(LINK::matcher)
                .filter(Matcher::find)
                .map(matcher -> matcher.group(1))
                .reduce((first, last) -> last)
                .orElseThrow();
        try (Browser browser = Browser.start()) {
            browser.open(link);
            browser.await(page -> page.getCurrentUrl().endsWith("/console/"));
            browser.await(page -> text(browser, "h1").equals("Tenants")
                    && text(browser, "main").contains("Northwind"));
            browser.find(By.id("signout")).click();
            browser.await(page -> page.getCurrentUrl().endsWith("/console/signin"));
            browser.open(server.adminUrl() + "/console/");
            assertThat(browser.driver().getCurrentUrl()).as("signed out").endsWith("/console/signin");
        }
    }

    @Test
    void everyPageIsAccessibleAndSavedAsAScreenshot() {
        server.admin()
                .put("/admin/v1/tenants/" + TENANT + "/grants/users/" + OTHER_USER, "{\"policy\":\"" + POLICY + "\"}");
        GraphResponse meeting =
                createOrGet(OTHER_USER, "{\"externalId\":\"console-pages\",\"subject\":\"Design review\"}");
        assertThat(meeting.status()).isIn(200, 201);
        try (Browser browser = Browser.start()) {
            browser.open(server.adminUrl() + "/console/signin");
            check(browser, "console-signin");
            signIn(browser);
            for (String[] page : new String[][] {
                {"tenants", "Tenants", "Northwind"},
                {"users", "Users", "nancy@northwind.test"},
                {"apps", "Apps", "Booking service"},
                {"access", "Policies and grants", POLICY},
                {"meetings", "Meetings", "Design review"},
                {"journal", "Request journal", "Filter"},
                {"faults", "Fault rules", "Add rule"},
                {"explain", "Explainer", "Explain"},
            }) {
                view(browser, page[0], page[1]);
                browser.await(driver -> text(browser, "main").contains(page[2]));
                check(browser, "console-" + page[0]);
            }
            view(browser, "meetings", "Meetings");
            WebElement search = browser.find(By.cssSelector("form[role=search]"));
            search.findElement(By.name("externalId")).sendKeys("console-pages");
            search.findElement(By.cssSelector("button[type=submit]")).click();
            browser.await(page -> text(browser, "caption").startsWith("Meetings of the tenant (1)"));
            By join = By.cssSelector("a[aria-label='Join page of Design review']");
            String href = browser.await(driver -> driver.findElement(join).getAttribute("href"));
            assertThat(href).isEqualTo(meeting.json().get("joinWebUrl").asText());
            browser.await(driver -> {
                driver.findElement(join).click();
                return true;
            });
            browser.await(page -> page.getCurrentUrl().startsWith(server.baseUrl())
                    && text(browser, "body").contains("Design review"));
        }
    }

    @Test
    void aFaultRuleAddedInTheConsoleFailsTheAppsCallsUntilRemovedThere() {
        String body = "{\"externalId\":\"console-fault\"}";
        server.admin()
                .put("/admin/v1/tenants/" + TENANT + "/grants/users/" + OTHER_USER, "{\"policy\":\"" + POLICY + "\"}");
        try (Browser browser = Browser.start()) {
            signIn(browser);
            view(browser, "faults", "Fault rules");
            WebElement add = browser.find(By.cssSelector("form[aria-label='Add a fault rule']"));
            new Select(add.findElement(By.name("operation"))).selectByValue("createOrGet");
            add.findElement(By.name("appId")).sendKeys(appId);
            new Select(add.findElement(By.name("status"))).selectByValue("503");
            WebElement times = add.findElement(By.name("times"));
            times.clear();
            times.sendKeys("5");
            add.findElement(By.cssSelector("button[type=submit]")).click();
            browser.await(page -> text(browser, "main").contains("answer 503"));
            assertThat(server.admin().get("/admin/v1/faults").json().get("value"))
                    .hasSize(1);
            check(browser, "console-faults-rule");

            assertThat(createOrGet(OTHER_USER, body).status())
                    .as("while the rule holds")
                    .isEqualTo(503);

            browser.find(By.cssSelector("button[aria-label^='Remove fault rule']"))
                    .click();
            browser.await(page -> text(browser, "main").contains("No fault rule"));
            assertThat(server.admin().get("/admin/v1/faults").json().get("value"))
                    .isEmpty();
            assertThat(createOrGet(OTHER_USER, body).status())
                    .as("once the rule is removed")
                    .isEqualTo(201);
        }
    }

    /** Asks the explainer, through its form, about the app's createOrGet for the user; answers the result's text. */
    private String explain(Browser browser) {
        view(browser, "explain", "Explainer");
        WebElement form = browser.find(By.cssSelector("form[aria-label='Explain a decision']"));
        WebElement app = form.findElement(By.name("app"));
        app.clear();
        app.sendKeys(appId);
        WebElement user = form.findElement(By.name("user"));
        user.clear();
        user.sendKeys("nancy@northwind.test");
        new Select(form.findElement(By.name("operation"))).selectByValue("createOrGet");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        return browser.await(page -> {
            String answer = text(browser, "section[aria-label=Explanation]");
            return answer.isEmpty() ? null : answer;
        });
    }

    /** The text of the first element {@code selector} finds, read in one step (the views redraw as they load). */
    private static String text(Browser browser, String selector) {
        Object text = ((JavascriptExecutor) browser.driver())
                .executeScript(
                        "const element = document.querySelector(arguments[0]); return element ? element.innerText : '';",
                        selector);
        return String.valueOf(text);
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
                && text(browser, "h1").equals("Tenants"));
    }

    /** Opens a view for the tenant and waits until its heading shows. */
    private void view(Browser browser, String name, String title) {
        browser.open(server.adminUrl() + "/console/#/" + name + "?tenant=" + TENANT);
        browser.await(page -> text(browser, "h1").equals(title));
    }

    private GraphResponse createOrGet(String user, String body) {
        String token = TokenHttp.accessToken(server.tokens().clientCredentials(TENANT, appId, secret));
        return server.http().post("/v1.0/users/" + user + "/onlineMeetings/createOrGet", token, body);
    }
}
