package io.graphmeet.browser;

import static io.graphmeet.testing.Contoso.ADELE;
import static io.graphmeet.testing.Contoso.MEGAN;
import static io.graphmeet.testing.Contoso.TENANT;
import static io.graphmeet.testing.Contoso.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.graph.models.Identity;
import com.microsoft.graph.models.IdentitySet;
import com.microsoft.graph.models.JoinMeetingIdSettings;
import com.microsoft.graph.models.LobbyBypassScope;
import com.microsoft.graph.models.LobbyBypassSettings;
import com.microsoft.graph.models.MeetingParticipantInfo;
import com.microsoft.graph.models.MeetingParticipants;
import com.microsoft.graph.models.OnlineMeeting;
import com.microsoft.graph.models.OnlineMeetingPresenters;
import com.microsoft.graph.models.OnlineMeetingRole;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.graphmeet.sdk.GraphSdkClients;
import io.graphmeet.testing.Backend;
import io.graphmeet.testing.Contoso;
import io.graphmeet.testing.TestServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A person opens the join link of a meeting an application made through the official Graph SDK for Java: what they
 * see, with and without JavaScript, in their own time zone, on the options page and for a link to nothing; each page
 * screenshotted and checked by axe-core.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JoinPageBrowserTest {

    private static final String SUBJECT = "Quarterly review <Q2> & \"plans\"";

    private TestServer server;
    private OnlineMeeting meeting;
    private Browser browser;

    @BeforeAll
    void createAMeetingThroughTheSdk(@TempDir Path scratch) {
        server = TestServer.on(Backend.EMBEDDED, scratch)
                .bootstrap(Contoso.DIRECTORY)
                .start();
        GraphServiceClient megan =
                GraphSdkClients.client(server.baseUrl(), server.issuer().delegated(TENANT, MEGAN, WRITE));
        OnlineMeeting request = new OnlineMeeting();
        request.setSubject(SUBJECT);
        request.setStartDateTime(OffsetDateTime.parse("2026-04-01T10:00:00Z"));
        request.setEndDateTime(OffsetDateTime.parse("2026-04-01T11:30:00Z"));
        request.setAllowedPresenters(OnlineMeetingPresenters.RoleIsPresenter);
        LobbyBypassSettings lobby = new LobbyBypassSettings();
        lobby.setScope(LobbyBypassScope.Invited);
        lobby.setIsDialInBypassEnabled(true);
        request.setLobbyBypassSettings(lobby);
        JoinMeetingIdSettings passcode = new JoinMeetingIdSettings();
        passcode.setIsPasscodeRequired(true);
        request.setJoinMeetingIdSettings(passcode);
        request.setParticipants(participants(ADELE, OnlineMeetingRole.Presenter));
        meeting = megan.users().byUserId(MEGAN).onlineMeetings().post(request);
        browser = Browser.start();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theJoinLinkShowsTheMeetingAsItsInvitationsHolderMaySeeIt() {
        browser.open(meeting.getJoinWebUrl());
        browser.screenshot("join-page");

        assertThat(browser.text(By.cssSelector("header.banner"))).contains("this is a graphmeet meeting");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo(SUBJECT);
        assertThat(browser.driver().getTitle()).isEqualTo(SUBJECT + " — graphmeet");
        assertThat(browser.text(By.id("organizer"))).isEqualTo("Megan Bowen (megan@contoso.com)");
        assertThat(browser.text(By.id("start")))
                .contains("April")
                .contains("2026")
                .contains("10:00");
        assertThat(browser.text(By.id("end"))).contains("11:30");
        assertThat(browser.text(By.id("join-meeting-id")).replace(" ", ""))
                .isEqualTo(meeting.getJoinMeetingIdSettings().getJoinMeetingId());
        assertThat(browser.text(By.id("passcode")))
                .isEqualTo(meeting.getJoinMeetingIdSettings().getPasscode())
                .isNotBlank();
        assertThat(browser.text(By.id("lobby")))
                .contains("Who can bypass the lobby\nPeople who were invited")
                .contains("Dial-in callers bypass the lobby\nYes");
        assertThat(browser.text(By.id("presenting"))).contains("Who can present\nOnly people with the presenter role");
        assertThat(browser.text(By.id("attendees"))).isEqualTo("Adele Vance (adele@contoso.com) — Presenter");
        String source = browser.driver().getPageSource();
        assertThat(source)
                .doesNotContain(
                        MEGAN,
                        ADELE,
                        TENANT,
                        meeting.getId(),
                        meeting.getChatInfo().getThreadId());
    }

    @Test
    void theJoinPageHasNoSeriousAccessibilityViolations() {
        Accessibility report = browser.open(meeting.getJoinWebUrl()).checkAccessibility("join-page");

        System.out.println("axe-core, join page: " + report.summary());
        assertThat(report.seriousOrCritical()).isEmpty();
        assertThat(report.passes()).isPositive();
    }

    @Test
    void showsTimesInTheReadersTimeZoneWithJavaScript() {
        try (Browser inSaoPaulo = Browser.inTimeZone("America/Sao_Paulo")) {
            inSaoPaulo.open(meeting.getJoinWebUrl());
            inSaoPaulo.screenshot("join-page-sao-paulo");

            assertThat(inSaoPaulo.text(By.id("start")))
                    .contains("Wednesday, April 1, 2026")
                    .contains("07:00 AM")
                    .contains("GMT-3");
            assertThat(inSaoPaulo.text(By.id("end"))).contains("08:30 AM");
            assertThat(inSaoPaulo.text(By.id("zone-note")))
                    .isEqualTo("Times are shown in your time zone, America/Sao_Paulo.");
            assertThat(inSaoPaulo.find(By.id("start")).getAttribute("datetime")).isEqualTo("2026-04-01T10:00:00Z");
        }
    }

    @Test
    void showsTimesInUtcWithoutJavaScript() {
        try (Browser withoutScript = Browser.withoutJavaScript()) {
            withoutScript.open(meeting.getJoinWebUrl());
            withoutScript.screenshot("join-page-without-javascript");

            assertThat(withoutScript.text(By.id("start"))).isEqualTo("Wednesday 1 April 2026, 10:00 UTC");
            assertThat(withoutScript.text(By.id("end"))).isEqualTo("Wednesday 1 April 2026, 11:30 UTC");
            assertThat(withoutScript.text(By.id("zone-note"))).isEqualTo("Times are shown in UTC.");
            assertThat(withoutScript.text(By.tagName("h1"))).isEqualTo(SUBJECT);
        }
    }

    @Test
    void theOptionsLinkShowsTheOptionsAndTheKeyboardReachesTheJoinPage() {
        browser.open(meeting.getMeetingOptionsWebUrl());
        browser.screenshot("meeting-options-page");
        Accessibility report = browser.checkAccessibility("meeting-options-page");

        assertThat(browser.text(By.cssSelector("p.kicker"))).isEqualToIgnoringCase("Meeting options");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo(SUBJECT);
        assertThat(browser.text(By.id("presenting"))).contains("Only people with the presenter role");
        System.out.println("axe-core, meeting options page: " + report.summary());
        assertThat(report.seriousOrCritical()).isEmpty();

        WebElement focused = tabUntilLink();
        assertThat(focused.getText()).isEqualTo("Open the meeting's join page");
        focused.sendKeys(Keys.ENTER);
        browser.await(driver -> driver.getCurrentUrl().contains("/l/meetup-join/"));
        assertThat(browser.text(By.id("passcode")))
                .isEqualTo(meeting.getJoinMeetingIdSettings().getPasscode());
    }

    @Test
    void aLinkToNoMeetingShowsAPageSayingSo() {
        URI join = URI.create(meeting.getJoinWebUrl());
        String damaged =
                server.baseUrl() + join.getRawPath().replace("meeting_", "meeting_X") + "?" + join.getRawQuery();
        browser.open(damaged);
        browser.screenshot("join-page-not-found");
        Accessibility report = browser.checkAccessibility("join-page-not-found");

        assertThat(browser.text(By.tagName("h1"))).isEqualTo("There is no meeting at this link");
        assertThat(browser.text(By.id("advice"))).contains("Ask the organizer for a new invitation");
        assertThat(browser.text(By.cssSelector("header.banner"))).contains("graphmeet meeting");
        System.out.println("axe-core, not-found page: " + report.summary());
        assertThat(report.seriousOrCritical()).isEmpty();
    }

    /** Presses Tab from the top of the page until a link has the focus, as a keyboard user would. */
    private WebElement tabUntilLink() {
        WebElement body = browser.find(By.tagName("body"));
        body.sendKeys(Keys.TAB);
        for (int presses = 0; presses < 10; presses++) {
            WebElement active = browser.driver().switchTo().activeElement();
            if (active.getTagName().equals("a")) {
                return active;
            }
            active.sendKeys(Keys.TAB);
        }
        throw new AssertionError("no link took the focus after 10 presses of Tab");
    }

    private static MeetingParticipants participants(String userId, OnlineMeetingRole role) {
        Identity user = new Identity();
        user.setId(userId);
        IdentitySet identity = new IdentitySet();
        identity.setUser(user);
        MeetingParticipantInfo attendee = new MeetingParticipantInfo();
        attendee.setIdentity(identity);
        attendee.setRole(role);
        MeetingParticipants participants = new MeetingParticipants();
        participants.setAttendees(List.of(attendee));
        return participants;
    }
}
