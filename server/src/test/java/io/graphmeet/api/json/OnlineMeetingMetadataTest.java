package io.graphmeet.api.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.graphmeet.meetings.Attendee;
import io.graphmeet.meetings.Meeting;
import io.graphmeet.meetings.MeetingIds;
import io.graphmeet.meetings.MeetingSettings;
import io.graphmeet.meetings.ParticipantRole;
import io.graphmeet.meetings.Person;
import io.graphmeet.meetings.Timestamp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every property, type, nullability and enum member graphmeet writes for an onlineMeeting (and the complex types
 * inside it) against Graph's published v1.0 metadata ({@code src/test/resources/msgraph-metadata}), and every
 * metadata property present, as Graph writes explicit nulls. Deliberate differences are named below.
 */
class OnlineMeetingMetadataTest {

    private static final GraphMetadata METADATA = GraphMetadata.load("/msgraph-metadata/onlineMeeting-v1.0.csdl");
    private static final String ONLINE_MEETING = "onlineMeeting";
    private static final String TENANT = "5f1c6d2e-8a4b-4c3d-9e0f-1a2b3c4d5e6f";
    private static final String ORGANIZER = "0b7e4c2a-3d5f-4e6a-8b9c-0d1e2f3a4b5c";

    /**
     * Properties graphmeet writes that the metadata does not declare on the type it is checked as (type name and
     * property), with the type they are checked against instead and why they are there.
     */
    private static final Map<String, Deviation> BEYOND_METADATA = Map.of(
            "onlineMeeting.anonymizeIdentityForRoles",
                    new Deviation(
                            "Collection(graph.onlineMeetingRole)",
                            "documented on Graph's v1.0 onlineMeeting page (and settable there), absent from the metadata"),
            "identity.tenantId",
                    new Deviation(
                            "Edm.String",
                            "declared on communicationsUserIdentity; Graph writes identitySet.user as that type without "
                                    + "@odata.type"),
            "identity.identityProvider",
                    new Deviation("Edm.String", "on Graph's wire (\"identityProvider\":\"AAD\"), in no v1.0 type"));

    /** Metadata properties graphmeet does not write, and why. */
    private static final Map<String, String> NOT_WRITTEN = Map.of(
            "onlineMeeting.attendeeReport",
            "an Edm.Stream of live events, which graphmeet does not run; streams are never inline in JSON");

    private static final Set<String> ANNOTATIONS_ALLOWED = Set.of("@odata.context");

    private final MeetingJson json =
            new MeetingJson("https://graphmeet.example.test", "https://graphmeet.example.test");

    @Test
    void everyPropertyOfARichMeetingMatchesTheMetadata() {
        for (boolean includeUnknownEnums : List.of(false, true)) {
            JsonNode rendered = render(richMeeting(), includeUnknownEnums);

            assertThat(problems(rendered, includeUnknownEnums))
                    .as("include unknown enum members: %s", includeUnknownEnums)
                    .isEmpty();
        }
    }

    @Test
    void everyPropertyOfABareMeetingMatchesTheMetadata() {
        JsonNode rendered = render(bareMeeting(), false);

        assertThat(problems(rendered, false)).isEmpty();
    }

    @Test
    void lookupResultsMatchTheMetadata() throws IOException {
        JsonNode collection = new ObjectMapper()
                .readTree(json.collection(ORGANIZER, List.of(richMeeting()), MeetingView.of(false, null, Select.ALL)));

        List<String> problems = new ArrayList<>();
        collection.path("value").forEach(item -> check(item, ONLINE_MEETING, "value[]", false, problems));
        assertThat(collection.path("value")).hasSize(1);
        assertThat(problems).isEmpty();
    }

    @Test
    void theGoldenCreateOrGetResponseMatchesTheMetadata() {
        assertThat(problems(resource("/golden/createOrGet-201.json"), false)).isEmpty();
    }

    /**
     * Each enum graphmeet can write has exactly Graph's members in Graph's order, so every member is one Graph
     * knows and the rule for evolvable members (those after unknownFutureValue) hides the same ones.
     */
    @Test
    void everyEnumGraphmeetWritesHasGraphsMembersInGraphsOrder() {
        Map<String, Class<? extends Enum<?>>> enumsByProperty = Map.of(
                "onlineMeeting.allowedPresenters", MeetingSettings.Presenters.class,
                "onlineMeeting.allowedLobbyAdmitters", MeetingSettings.LobbyAdmitters.class,
                "onlineMeeting.allowMeetingChat", MeetingSettings.ChatMode.class,
                "onlineMeeting.allowLiveShare", MeetingSettings.LiveShare.class,
                "onlineMeeting.shareMeetingChatHistoryDefault", MeetingSettings.ChatHistory.class,
                "lobbyBypassSettings.scope", MeetingSettings.LobbyBypassScope.class,
                "meetingParticipantInfo.role", ParticipantRole.class);

        enumsByProperty.forEach((property, domainEnum) -> {
            String[] typeAndName = property.split("\\.");
            String enumName = METADATA.property(typeAndName[0], typeAndName[1])
                    .orElseThrow()
                    .elementType();
            List<String> ours = Arrays.stream(domainEnum.getEnumConstants())
                    .map(constant -> EnumNames.camel(constant.name()))
                    .toList();

            assertThat(ours)
                    .as(property)
                    .isEqualTo(METADATA.enumType(enumName).orElseThrow().members());
        });
        assertThat(BEYOND_METADATA
                        .get("onlineMeeting.anonymizeIdentityForRoles")
                        .type())
                .isEqualTo("Collection(graph.onlineMeetingRole)");
    }

    @Test
    void theNamedExceptionsAreStillExceptions() {
        BEYOND_METADATA.keySet().forEach(key -> {
            String[] typeAndName = key.split("\\.");
            assertThat(METADATA.property(typeAndName[0], typeAndName[1]))
                    .as(key)
                    .isEmpty();
        });
        NOT_WRITTEN.keySet().forEach(key -> {
            String[] typeAndName = key.split("\\.");
            assertThat(METADATA.property(typeAndName[0], typeAndName[1]))
                    .as(key)
                    .isPresent();
        });
    }

    /** The check itself: each kind of difference from the metadata is reported. */
    @Test
    void theCheckReportsEveryKindOfDifference() {
        ObjectNode meeting = (ObjectNode) render(richMeeting(), false);
        meeting.putNull("id");
        meeting.put("isBroadcast", "false");
        meeting.put("creationDateTime", "+10000-01-01T00:00:00Z");
        meeting.put("allowMeetingChat", "Enabled");
        meeting.put("madeUp", 1);
        meeting.remove("videoTeleconferenceId");
        ((ObjectNode) meeting.path("lobbyBypassSettings")).put("scope", "invited");
        ((ObjectNode) meeting.path("chatInfo")).putArray("threadId");
        ((ObjectNode) meeting.path("participants")
                        .path("organizer")
                        .path("identity")
                        .path("user"))
                .put("tenantid", TENANT);

        assertThat(problems(meeting, false))
                .containsExactlyInAnyOrder(
                        "id: null, but Edm.String is declared Nullable=false",
                        "isBroadcast: not true or false",
                        "creationDateTime: not an ISO-8601 date-time with an offset within the years 0001 to 9999",
                        "allowMeetingChat: 'Enabled' is not a member of graph.meetingChatMode "
                                + "[enabled, disabled, limited, unknownFutureValue]",
                        "madeUp: no property 'madeUp' on graph.onlineMeeting",
                        "videoTeleconferenceId: missing (Graph writes every property of graph.onlineMeeting, null when unset)",
                        "lobbyBypassSettings.scope: 'invited' comes after unknownFutureValue in graph.lobbyBypassScope and "
                                + "needs Prefer: include-unknown-enum-members",
                        "chatInfo.threadId: not a string",
                        "participants.organizer.identity.user.tenantid: no property 'tenantid' on graph.identity");
    }

    private List<String> problems(JsonNode meeting, boolean includeUnknownEnums) {
        List<String> problems = new ArrayList<>();
        check(meeting, ONLINE_MEETING, "", includeUnknownEnums, problems);
        return problems;
    }

    /** Checks {@code node}, an object written as {@code typeName}, and everything inside it. */
    private static void check(
            JsonNode node, String typeName, String path, boolean includeUnknownEnums, List<String> problems) {
        node.properties().forEach(entry -> {
            String name = entry.getKey();
            String at = path.isEmpty() ? name : path + "." + name;
            if (name.startsWith("@")) {
                if (!path.isEmpty() || !ANNOTATIONS_ALLOWED.contains(name)) {
                    problems.add(at + ": unexpected annotation");
                }
                return;
            }
            var declared = METADATA.property(typeName, name);
            String type;
            boolean nullable;
            if (declared.isPresent()) {
                type = declared.get().type();
                nullable = declared.get().nullable();
            } else if (BEYOND_METADATA.containsKey(typeName + "." + name)) {
                type = BEYOND_METADATA.get(typeName + "." + name).type();
                nullable = true;
            } else {
                problems.add(at + ": no property '" + name + "' on graph." + typeName);
                return;
            }
            checkValue(entry.getValue(), type, nullable, at, includeUnknownEnums, problems);
        });
        METADATA.allProperties(typeName).keySet().stream()
                .filter(name -> !node.has(name) && !NOT_WRITTEN.containsKey(typeName + "." + name))
                .forEach(name -> problems.add((path.isEmpty() ? "" : path + ".") + name + ": missing (Graph "
                        + "writes every property of graph." + typeName + ", null when unset)"));
    }

    private static void checkValue(
            JsonNode value,
            String type,
            boolean nullable,
            String at,
            boolean includeUnknownEnums,
            List<String> problems) {
        if (value.isNull()) {
            if (!nullable) {
                problems.add(at + ": null, but " + type + " is declared Nullable=false");
            }
            return;
        }
        GraphMetadata.Property shape = new GraphMetadata.Property(at, type, nullable);
        if (shape.isCollection()) {
            if (!value.isArray()) {
                problems.add(at + ": not an array, but " + type);
                return;
            }
            for (JsonNode element : value) {
                checkSingle(element, shape.elementType(), at + "[]", includeUnknownEnums, problems);
            }
            return;
        }
        checkSingle(value, shape.elementType(), at, includeUnknownEnums, problems);
    }

    private static void checkSingle(
            JsonNode value, String type, String at, boolean includeUnknownEnums, List<String> problems) {
        if (value.isNull()) {
            problems.add(at + ": a null element in a collection of " + type);
            return;
        }
        switch (type) {
            case "Edm.String" -> expect(value.isTextual(), at, "a string", problems);
            case "Edm.Boolean" -> expect(value.isBoolean(), at, "true or false", problems);
            case "Edm.Int32", "Edm.Int64" -> expect(value.isIntegralNumber(), at, "an integer", problems);
            case "Edm.DateTimeOffset" ->
                expect(
                        value.isTextual() && Timestamp.parseOrNull(value.textValue()) != null,
                        at,
                        "an ISO-8601 date-time with an offset within the years 0001 to 9999",
                        problems);
            default -> {
                if (type.startsWith("Edm.")) {
                    problems.add(at + ": " + type + " is not written inline in JSON");
                } else if (METADATA.enumType(type).isPresent()) {
                    checkEnum(value, METADATA.enumType(type).get(), at, includeUnknownEnums, problems);
                } else if (value.isObject()) {
                    check(value, type, at, includeUnknownEnums, problems);
                } else {
                    problems.add(at + ": not an object, but graph." + type);
                }
            }
        }
    }

    private static void checkEnum(
            JsonNode value,
            GraphMetadata.EnumType type,
            String at,
            boolean includeUnknownEnums,
            List<String> problems) {
        if (!value.isTextual()) {
            problems.add(at + ": not a member name of graph." + type.name());
            return;
        }
        List<String> members = type.flags() ? List.of(value.textValue().split(",")) : List.of(value.textValue());
        for (String member : members) {
            if (!type.members().contains(member)) {
                problems.add(at + ": '" + member + "' is not a member of graph." + type.name() + " " + type.members());
            } else if (!includeUnknownEnums && type.evolvableMembers().contains(member)) {
                problems.add(at + ": '" + member + "' comes after unknownFutureValue in graph." + type.name()
                        + " and needs Prefer: include-unknown-enum-members");
            }
        }
    }

    private static void expect(boolean holds, String at, String what, List<String> problems) {
        if (!holds) {
            problems.add(at + ": not " + what);
        }
    }

    private JsonNode render(Meeting meeting, boolean includeUnknownEnums) {
        try {
            return new ObjectMapper()
                    .readTree(json.entity(meeting, MeetingView.of(includeUnknownEnums, null, Select.ALL)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode resource(String name) {
        try (InputStream in = OnlineMeetingMetadataTest.class.getResourceAsStream(name)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A meeting with every value graphmeet can hold set, evolvable enum members included. */
    private static Meeting richMeeting() {
        MeetingSettings settings = new MeetingSettings(
                MeetingSettings.Presenters.ROLE_IS_PRESENTER,
                MeetingSettings.LobbyAdmitters.ORGANIZER_AND_CO_ORGANIZERS,
                MeetingSettings.ChatMode.LIMITED,
                MeetingSettings.LiveShare.DISABLED,
                MeetingSettings.ChatHistory.NONE,
                false,
                false,
                false,
                false,
                true,
                false,
                false,
                false,
                false,
                false,
                false,
                true,
                true,
                new MeetingSettings.LobbyBypass(MeetingSettings.LobbyBypassScope.ORGANIZATION_EXCLUDING_GUESTS, true),
                new MeetingSettings.Watermark(true, true),
                true,
                "en-GB",
                "template-1",
                "label-1",
                List.of(ParticipantRole.ATTENDEE));
        List<Attendee> attendees = List.of(
                new Attendee(
                        new Person("1f35f2e6-9cab-44ad-8d5a-b74c14720000", TENANT, "adele@contoso.com", "Adele Vance"),
                        ParticipantRole.COORGANIZER),
                new Attendee(
                        new Person("2c4d6e8f-1a3b-4c5d-8e9f-0a1b2c3d4e5f", TENANT, null, null),
                        ParticipantRole.PRODUCER),
                new Attendee(
                        new Person("9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a", TENANT, "guest@contoso.com", null),
                        ParticipantRole.PRESENTER));
        return meeting(
                "rich-1",
                "Quarterly review",
                attendees,
                settings,
                "Ab3dE9",
                Timestamp.parseOrNull("2026-03-13T10:00:00.1234567Z"));
    }

    /** A meeting with nothing optional set. */
    private static Meeting bareMeeting() {
        MeetingSettings nothing = new MeetingSettings(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null);
        return meeting(null, null, List.of(), nothing, null, null);
    }

    private static Meeting meeting(
            String externalId,
            String subject,
            List<Attendee> attendees,
            MeetingSettings settings,
            String passcode,
            Timestamp updated) {
        String threadId = MeetingIds.threadId(UUID.fromString("6e1f0c4a-2b7d-4f3e-9a8b-5c6d7e8f9a0b"));
        Person organizer = new Person(ORGANIZER, TENANT, "megan@contoso.com", "Megan Bowen");
        return new Meeting(
                MeetingIds.meetingId(ORGANIZER, threadId),
                TENANT,
                organizer,
                externalId,
                threadId,
                MeetingIds.joinWebUrl("https://graphmeet.example.test", threadId, TENANT, ORGANIZER),
                "368006932136",
                passcode,
                Timestamp.of(Instant.parse("2026-03-12T09:15:02.4127391Z")),
                Timestamp.parseOrNull("2026-03-12T14:00:00Z"),
                Timestamp.parseOrNull("2026-03-12T15:00:00Z"),
                subject,
                attendees,
                settings,
                updated,
                updated == null ? 1 : 2);
    }

    /** A property beyond the metadata: the type it is checked against, and why graphmeet writes it. */
    private record Deviation(String type, String reason) {}
}
