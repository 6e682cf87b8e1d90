package io.graphmeet.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.graphmeet.meetings.Attendee;
import io.graphmeet.meetings.MeetingSettings;
import io.graphmeet.meetings.MeetingSettings.ChatHistory;
import io.graphmeet.meetings.MeetingSettings.ChatMode;
import io.graphmeet.meetings.MeetingSettings.LiveShare;
import io.graphmeet.meetings.MeetingSettings.LobbyAdmitters;
import io.graphmeet.meetings.MeetingSettings.LobbyBypassScope;
import io.graphmeet.meetings.MeetingSettings.Presenters;
import io.graphmeet.meetings.ParticipantRole;
import io.graphmeet.meetings.Person;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * The JSON columns of the meetings table ({@code attendees}, {@code settings}) as explicit records: the stored
 * shape, which a change to the domain records cannot change unnoticed. Reading refuses unknown properties and
 * unknown enum names, so a renamed field fails loudly instead of reading old rows back as null.
 */
final class MeetingColumns {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final ObjectReader ATTENDEES = JSON.readerFor(StoredAttendee[].class);
    private static final ObjectReader SETTINGS = JSON.readerFor(StoredSettings.class);
    /** Decoded texts are weighed twice over: the key, and a decoded value of about the same size. */
    private static final long DECODED_BYTES = 4L * 1024 * 1024;
    /** Most meetings share a few attendee lists: each distinct text is decoded once. */
    private static final Cache<String, List<Attendee>> DECODED_ATTENDEES = decodedCache();
    /** Most meetings share a few settings: each distinct text is decoded once. */
    private static final Cache<String, MeetingSettings> DECODED_SETTINGS = decodedCache();

    private static final MeetingSettings DEFAULT_SETTINGS = MeetingSettings.defaults();

    private MeetingColumns() {}

    static String attendeesText(List<Attendee> attendees) throws SQLException {
        return text(attendees.stream().map(StoredAttendee::of).toArray(StoredAttendee[]::new));
    }

    /**
     * A meeting's settings as stored: the empty text when they are {@link MeetingSettings#defaults()}, as most
     * meetings' are (their JSON would be half of the row), else their JSON. The empty text means the defaults of
     * the version that wrote it: a version changing the defaults first writes the old ones out in a migration.
     */
    static String settingsText(MeetingSettings settings) throws SQLException {
        return settings.equals(DEFAULT_SETTINGS) ? "" : text(StoredSettings.of(settings));
    }

    static List<Attendee> attendees(String text) throws SQLException {
        List<Attendee> hit = DECODED_ATTENDEES.getIfPresent(text);
        if (hit != null) {
            return hit;
        }
        StoredAttendee[] stored = read(ATTENDEES, text);
        List<Attendee> attendees;
        try {
            attendees = Arrays.stream(stored).map(StoredAttendee::toAttendee).toList();
        } catch (NullPointerException e) {
            throw new SQLException("stored attendees lack a required value: " + e.getMessage(), e);
        }
        DECODED_ATTENDEES.put(text, attendees);
        return attendees;
    }

    static MeetingSettings settings(String text) throws SQLException {
        if (text.isEmpty()) {
            return DEFAULT_SETTINGS;
        }
        MeetingSettings hit = DECODED_SETTINGS.getIfPresent(text);
        if (hit != null) {
            return hit;
        }
        StoredSettings stored = read(SETTINGS, text);
        if (stored == null) {
            throw new SQLException("stored settings are null");
        }
        MeetingSettings settings = stored.toSettings();
        DECODED_SETTINGS.put(text, settings);
        return settings;
    }

    private static String text(Object stored) throws SQLException {
        try {
            return JSON.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot encode column value", e);
        }
    }

    private static <T> T read(ObjectReader reader, String text) throws SQLException {
        try {
            return reader.readValue(text);
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot decode stored column value: " + e.getOriginalMessage(), e);
        }
    }

    private static <V> Cache<String, V> decodedCache() {
        return Caffeine.newBuilder()
                .maximumWeight(DECODED_BYTES)
                .weigher((String text, V value) ->
                        (int) Math.min(Integer.MAX_VALUE, 2 * CacheWeights.chars(text) + CacheWeights.ENTRY_OVERHEAD))
                .build();
    }

    /** One element of the {@code attendees} column. */
    record StoredAttendee(StoredPerson person, ParticipantRole role) {

        static StoredAttendee of(Attendee attendee) {
            Person person = attendee.person();
            return new StoredAttendee(
                    new StoredPerson(person.id(), person.tenantId(), person.upn(), person.displayName()),
                    attendee.role());
        }

        Attendee toAttendee() {
            return new Attendee(new Person(person.id(), person.tenantId(), person.upn(), person.displayName()), role);
        }
    }

    /** The person of a {@link StoredAttendee}. */
    record StoredPerson(String id, String tenantId, String upn, String displayName) {}

    /** The {@code settings} column; every value may be null, as in {@link MeetingSettings}. */
    record StoredSettings(
            Presenters allowedPresenters,
            LobbyAdmitters allowedLobbyAdmitters,
            ChatMode allowMeetingChat,
            LiveShare allowLiveShare,
            ChatHistory shareMeetingChatHistoryDefault,
            Boolean allowAttendeeToEnableCamera,
            Boolean allowAttendeeToEnableMic,
            Boolean allowBreakoutRooms,
            Boolean allowCopyingAndSharingMeetingContent,
            Boolean allowParticipantsToChangeName,
            Boolean allowPowerPointSharing,
            Boolean allowRecording,
            Boolean allowTeamworkReactions,
            Boolean allowTranscription,
            Boolean allowWhiteboard,
            Boolean isEntryExitAnnounced,
            Boolean isEndToEndEncryptionEnabled,
            Boolean recordAutomatically,
            StoredLobbyBypass lobbyBypass,
            StoredWatermark watermarkProtection,
            Boolean chatAllowTextOnly,
            String meetingSpokenLanguageTag,
            String meetingTemplateId,
            String sensitivityLabelId,
            List<ParticipantRole> anonymizeIdentityForRoles) {

        static StoredSettings of(MeetingSettings s) {
            MeetingSettings.LobbyBypass bypass = s.lobbyBypass();
            MeetingSettings.Watermark watermark = s.watermarkProtection();
            return new StoredSettings(
                    s.allowedPresenters(),
                    s.allowedLobbyAdmitters(),
                    s.allowMeetingChat(),
                    s.allowLiveShare(),
                    s.shareMeetingChatHistoryDefault(),
                    s.allowAttendeeToEnableCamera(),
                    s.allowAttendeeToEnableMic(),
                    s.allowBreakoutRooms(),
                    s.allowCopyingAndSharingMeetingContent(),
                    s.allowParticipantsToChangeName(),
                    s.allowPowerPointSharing(),
                    s.allowRecording(),
                    s.allowTeamworkReactions(),
                    s.allowTranscription(),
                    s.allowWhiteboard(),
                    s.isEntryExitAnnounced(),
                    s.isEndToEndEncryptionEnabled(),
                    s.recordAutomatically(),
                    bypass == null ? null : new StoredLobbyBypass(bypass.scope(), bypass.isDialInBypassEnabled()),
                    watermark == null
                            ? null
                            : new StoredWatermark(
                                    watermark.isEnabledForContentSharing(), watermark.isEnabledForVideo()),
                    s.chatAllowTextOnly(),
                    s.meetingSpokenLanguageTag(),
                    s.meetingTemplateId(),
                    s.sensitivityLabelId(),
                    s.anonymizeIdentityForRoles());
        }

        MeetingSettings toSettings() {
            return new MeetingSettings(
                    allowedPresenters,
                    allowedLobbyAdmitters,
                    allowMeetingChat,
                    allowLiveShare,
                    shareMeetingChatHistoryDefault,
                    allowAttendeeToEnableCamera,
                    allowAttendeeToEnableMic,
                    allowBreakoutRooms,
                    allowCopyingAndSharingMeetingContent,
                    allowParticipantsToChangeName,
                    allowPowerPointSharing,
                    allowRecording,
                    allowTeamworkReactions,
                    allowTranscription,
                    allowWhiteboard,
                    isEntryExitAnnounced,
                    isEndToEndEncryptionEnabled,
                    recordAutomatically,
                    lobbyBypass == null
                            ? null
                            : new MeetingSettings.LobbyBypass(lobbyBypass.scope(), lobbyBypass.isDialInBypassEnabled()),
                    watermarkProtection == null
                            ? null
                            : new MeetingSettings.Watermark(
                                    watermarkProtection.isEnabledForContentSharing(),
                                    watermarkProtection.isEnabledForVideo()),
                    chatAllowTextOnly,
                    meetingSpokenLanguageTag,
                    meetingTemplateId,
                    sensitivityLabelId,
                    anonymizeIdentityForRoles);
        }
    }

    /** The {@code lobbyBypass} of {@link StoredSettings}. */
    record StoredLobbyBypass(LobbyBypassScope scope, Boolean isDialInBypassEnabled) {}

    /** The {@code watermarkProtection} of {@link StoredSettings}. */
    record StoredWatermark(Boolean isEnabledForContentSharing, Boolean isEnabledForVideo) {}
}
