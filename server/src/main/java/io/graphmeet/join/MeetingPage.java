package io.graphmeet.join;

import io.graphmeet.meetings.Attendee;
import io.graphmeet.meetings.Meeting;
import io.graphmeet.meetings.MeetingSettings;
import io.graphmeet.meetings.Person;
import io.graphmeet.meetings.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * What the page of one meeting shows, and nothing more: what an invitation's holder may see. Ids other than the
 * join meeting id (the meeting's, the tenant's, people's object ids, the chat thread, the external id) stay out.
 *
 * @param assets the path under which the pages' style and script are served
 * @param options whether this is the meeting-options page rather than the join page
 */
record MeetingPage(
        String assets,
        boolean options,
        String subject,
        PersonLine organizer,
        Time start,
        Time end,
        Time expiry,
        String joinMeetingId,
        String passcode,
        List<Setting> lobby,
        List<Setting> presenting,
        List<PersonLine> attendees,
        String joinWebUrl) {

    private static final DateTimeFormatter UTC_TEXT = DateTimeFormatter.ofPattern(
                    "EEEE d MMMM uuuu, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final String NOT_SET = "Not set (Teams' default applies)";

    /** A time as the page writes it: ISO 8601 in UTC for {@code <time datetime>}, and words in UTC. */
    record Time(String iso, String utc) {
        static Time of(Timestamp timestamp) {
            return of(timestamp.instant());
        }

        static Time of(Instant instant) {
            return new Time(DateTimeFormatter.ISO_INSTANT.format(instant), UTC_TEXT.format(instant));
        }
    }

    /** A person as an invitation names them: display name, sign-in name and role (null for the organizer). */
    record PersonLine(String name, String upn, String role) {}

    /** One meeting option in words. */
    record Setting(String label, String value) {}

    static MeetingPage of(Meeting meeting, String assets, boolean options) {
        MeetingSettings settings = meeting.settings();
        String subject =
                meeting.subject() == null || meeting.subject().isBlank() ? "Untitled meeting" : meeting.subject();
        return new MeetingPage(
                assets,
                options,
                subject,
                person(meeting.organizer(), null),
                Time.of(meeting.startDateTime()),
                Time.of(meeting.endDateTime()),
                Time.of(meeting.expiryDateTime()),
                grouped(meeting.joinMeetingId()),
                meeting.passcode(),
                lobby(settings),
                presenting(settings),
                meeting.attendees().stream().map(MeetingPage::attendee).toList(),
                meeting.joinWebUrl());
    }

    /** {@code 981009715824} as Teams prints it: {@code 981 009 715 824}. */
    static String grouped(String joinMeetingId) {
        StringBuilder grouped = new StringBuilder(joinMeetingId.length() + joinMeetingId.length() / 3);
        for (int i = 0; i < joinMeetingId.length(); i++) {
            if (i > 0 && i % 3 == 0) {
                grouped.append(' ');
            }
            grouped.append(joinMeetingId.charAt(i));
        }
        return grouped.toString();
    }

    private static List<Setting> lobby(MeetingSettings settings) {
        var bypass = settings.lobbyBypass();
        return List.of(
                new Setting(
                        "Who can bypass the lobby",
                        bypass == null || bypass.scope() == null
                                ? NOT_SET
                                : switch (bypass.scope()) {
                                    case ORGANIZER -> "Only the organizer";
                                    case ORGANIZATION -> "People in the organizer's organization";
                                    case ORGANIZATION_AND_FEDERATED ->
                                        "People in the organization and trusted organizations";
                                    case ORGANIZATION_EXCLUDING_GUESTS ->
                                        "People in the organization, excluding guests";
                                    case INVITED -> "People who were invited";
                                    case EVERYONE -> "Everyone";
                                    case UNKNOWN_FUTURE_VALUE -> NOT_SET;
                                }),
                new Setting(
                        "Dial-in callers bypass the lobby",
                        yesNo(bypass == null ? null : bypass.isDialInBypassEnabled())),
                new Setting(
                        "Who can admit people from the lobby",
                        settings.allowedLobbyAdmitters() == null
                                ? NOT_SET
                                : switch (settings.allowedLobbyAdmitters()) {
                                    case ORGANIZER_AND_CO_ORGANIZERS_AND_PRESENTERS ->
                                        "Organizer, co-organizers and presenters";
                                    case ORGANIZER_AND_CO_ORGANIZERS -> "Organizer and co-organizers";
                                    case UNKNOWN_FUTURE_VALUE -> NOT_SET;
                                }));
    }

    private static List<Setting> presenting(MeetingSettings settings) {
        return List.of(
                new Setting(
                        "Who can present",
                        settings.allowedPresenters() == null
                                ? NOT_SET
                                : switch (settings.allowedPresenters()) {
                                    case EVERYONE -> "Everyone";
                                    case ORGANIZATION -> "People in the organizer's organization";
                                    case ROLE_IS_PRESENTER -> "Only people with the presenter role";
                                    case ORGANIZER -> "Only the organizer";
                                    case UNKNOWN_FUTURE_VALUE -> NOT_SET;
                                }),
                new Setting("Attendees can unmute", yesNo(settings.allowAttendeeToEnableMic())),
                new Setting("Attendees can turn on their camera", yesNo(settings.allowAttendeeToEnableCamera())),
                new Setting(
                        "Meeting chat",
                        settings.allowMeetingChat() == null
                                ? NOT_SET
                                : switch (settings.allowMeetingChat()) {
                                    case ENABLED -> "On";
                                    case DISABLED -> "Off";
                                    case LIMITED -> "Only while the meeting runs";
                                    case UNKNOWN_FUTURE_VALUE -> NOT_SET;
                                }));
    }

    private static PersonLine attendee(Attendee attendee) {
        return person(
                attendee.person(),
                switch (attendee.role()) {
                    case ATTENDEE -> "Attendee";
                    case PRESENTER -> "Presenter";
                    case PRODUCER -> "Producer";
                    case COORGANIZER -> "Co-organizer";
                    case UNKNOWN_FUTURE_VALUE -> "Participant";
                });
    }

    private static PersonLine person(Person person, String role) {
        String name = person.displayName() != null
                ? person.displayName()
                : person.upn() != null ? person.upn() : "A user without a name in the directory";
        String upn = person.upn() != null && !person.upn().equals(name) ? person.upn() : null;
        return new PersonLine(name, upn, role);
    }

    private static String yesNo(Boolean value) {
        return value == null ? NOT_SET : value ? "Yes" : "No";
    }
}
