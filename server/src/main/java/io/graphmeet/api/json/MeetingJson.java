package io.graphmeet.api.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.graphmeet.http.Json;
import io.graphmeet.meetings.Attendee;
import io.graphmeet.meetings.Meeting;
import io.graphmeet.meetings.MeetingSettings;
import io.graphmeet.meetings.ParticipantRole;
import io.graphmeet.meetings.Person;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Renders domain meetings as Graph's onlineMeeting JSON: one entity, or a collection. */
public final class MeetingJson {

    private final String publicBase;
    private final String joinBase;

    /**
     * @param publicBase graphmeet's own base URL, for {@code @odata.context}
     * @param joinBase the base of join and meeting-options links
     */
    public MeetingJson(String publicBase, String joinBase) {
        this.publicBase = publicBase;
        this.joinBase = joinBase;
    }

    /** The body of a single-entity response, with only the selected properties. */
    public byte[] entity(Meeting meeting, MeetingView view) {
        OnlineMeetingJson whole = render(meeting, view);
        return Json.write(view.select().isAll() ? whole : selected(whole, view.select()));
    }

    /** The body of a collection response for {@code userId}'s meetings: {@code {"@odata.context","value"}}. */
    public byte[] collection(String userId, List<Meeting> meetings, MeetingView view) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("@odata.context", context(userId, view.select(), ""));
        ArrayNode value = body.putArray("value");
        for (Meeting meeting : meetings) {
            value.add(item(meeting, view));
        }
        return Json.write(body);
    }

    /** A meeting as an element of a collection: as its entity, without {@code @odata.context}. */
    public ObjectNode item(Meeting meeting, MeetingView view) {
        ObjectNode item = selected(render(meeting, view), view.select());
        item.remove("@odata.context");
        return item;
    }

    private static ObjectNode selected(OnlineMeetingJson whole, Select select) {
        ObjectNode all = Json.tree(whole);
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        all.properties().forEach(property -> {
            if (property.getKey().startsWith("@") || select.keeps(property.getKey())) {
                kept.set(property.getKey(), property.getValue());
            }
        });
        return kept;
    }

    private String context(String userId, Select select, String suffix) {
        return publicBase + "/v1.0/$metadata#users('" + userId + "')/onlineMeetings" + select.contextSuffix() + suffix;
    }

    /** The meeting as Graph's onlineMeeting, every property present. */
    OnlineMeetingJson render(Meeting meeting, MeetingView view) {
        boolean includeUnknownEnums = view.includeUnknownEnums();
        MeetingSettings settings = meeting.settings();
        String optionsUrl = meetingOptionsUrl(meeting, view.language());
        return new OnlineMeetingJson(
                context(meeting.organizer().id(), view.select(), "/$entity"),
                meeting.id(),
                meeting.creationDateTime().toString(),
                meeting.startDateTime().toString(),
                meeting.endDateTime().toString(),
                meeting.expiryDateTime().toString(),
                meeting.joinWebUrl(),
                optionsUrl,
                meeting.subject(),
                false,
                settings.isEntryExitAnnounced(),
                EnumNames.render(settings.allowedPresenters(), includeUnknownEnums),
                EnumNames.render(settings.allowedLobbyAdmitters(), includeUnknownEnums),
                EnumNames.render(settings.allowMeetingChat(), includeUnknownEnums),
                EnumNames.render(settings.shareMeetingChatHistoryDefault(), includeUnknownEnums),
                settings.allowTeamworkReactions(),
                settings.allowAttendeeToEnableMic(),
                settings.allowAttendeeToEnableCamera(),
                settings.allowParticipantsToChangeName(),
                settings.allowRecording(),
                settings.allowTranscription(),
                settings.allowBreakoutRooms(),
                settings.allowCopyingAndSharingMeetingContent(),
                EnumNames.render(settings.allowLiveShare(), includeUnknownEnums),
                settings.allowPowerPointSharing(),
                settings.allowWhiteboard(),
                settings.isEndToEndEncryptionEnabled(),
                settings.recordAutomatically(),
                settings.anonymizeIdentityForRoles().stream()
                        .map(role -> EnumNames.render(role, includeUnknownEnums))
                        .toList(),
                null,
                meeting.externalId(),
                null,
                settings.meetingTemplateId(),
                settings.meetingSpokenLanguageTag(),
                null,
                settings.sensitivityLabelId() == null
                        ? null
                        : new OnlineMeetingJson.SensitivityLabel(settings.sensitivityLabelId()),
                null,
                settings.watermarkProtection() == null
                        ? null
                        : new OnlineMeetingJson.Watermark(
                                settings.watermarkProtection().isEnabledForContentSharing(),
                                settings.watermarkProtection().isEnabledForVideo()),
                null,
                new OnlineMeetingJson.Participants(
                        participant(meeting.organizer(), ParticipantRole.PRESENTER, includeUnknownEnums),
                        meeting.attendees().stream()
                                .map(attendee -> participant(attendee, includeUnknownEnums))
                                .toList()),
                settings.lobbyBypass() == null
                        ? null
                        : new OnlineMeetingJson.LobbyBypass(
                                EnumNames.render(settings.lobbyBypass().scope(), includeUnknownEnums),
                                settings.lobbyBypass().isDialInBypassEnabled()),
                new OnlineMeetingJson.JoinMeetingIdSettings(
                        meeting.isPasscodeRequired(), meeting.joinMeetingId(), meeting.passcode()),
                new OnlineMeetingJson.ChatInfo(meeting.threadId(), meeting.messageId(), null),
                settings.chatAllowTextOnly() == null
                        ? null
                        : new OnlineMeetingJson.ChatRestrictions(settings.chatAllowTextOnly()),
                new OnlineMeetingJson.ItemBody(JoinInformation.dataUrl(meeting, optionsUrl, view.language()), "html"));
    }

    private String meetingOptionsUrl(Meeting meeting, String language) {
        return joinBase + "/meetingOptions/?organizerId=" + meeting.organizer().id()
                + "&tenantId=" + meeting.tenantId()
                + "&threadId=" + URLEncoder.encode(meeting.threadId().replace(':', '_'), StandardCharsets.UTF_8)
                + "&messageId=" + meeting.messageId()
                + "&language=" + language;
    }

    private static OnlineMeetingJson.Participant participant(Attendee attendee, boolean includeUnknownEnums) {
        return participant(attendee.person(), attendee.role(), includeUnknownEnums);
    }

    private static OnlineMeetingJson.Participant participant(
            Person person, ParticipantRole role, boolean includeUnknownEnums) {
        return new OnlineMeetingJson.Participant(
                person.upn(),
                EnumNames.render(role, includeUnknownEnums),
                new OnlineMeetingJson.IdentitySet(
                        null,
                        null,
                        new OnlineMeetingJson.UserIdentity(
                                person.id(), person.displayName(), person.tenantId(), "AAD")));
    }
}
