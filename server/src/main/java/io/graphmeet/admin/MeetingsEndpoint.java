package io.graphmeet.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.graphmeet.errors.GraphError;
import io.graphmeet.http.QueryString;
import io.graphmeet.http.Reply;
import io.graphmeet.http.Text;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * A tenant's meetings for inspection: searched by organizer, external id, join link and start time, a page at a
 * time; and deleted. Works for any tenant id, as tokens of external issuers may name tenants the directory never
 * saw.
 */
final class MeetingsEndpoint {

    static final int DEFAULT_TOP = 100;
    static final int MAX_TOP = 1000;
    private static final int MAX_SKIP = 1_000_000;
    private static final int MAX_JOIN_WEB_URL = 2048;
    private static final int MAX_MEETING_ID = 1024;
    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String[] PARAMETERS = {
        "organizer", "externalId", "joinWebUrl", "startFrom", "startTo", "top", "skip"
    };

    Reply list(AdminExchange exchange) {
        String tenantId = exchange.tenantId();
        QueryString query = exchange.queryString(PARAMETERS);
        var wanted = new MeetingInspector.Query(
                organizer(query.get("organizer")),
                QueryValues.text(query.get("externalId"), "externalId", 1024),
                QueryValues.text(query.get("joinWebUrl"), "joinWebUrl", MAX_JOIN_WEB_URL),
                QueryValues.dateTime(query.get("startFrom"), "startFrom"),
                QueryValues.dateTime(query.get("startTo"), "startTo"),
                (int) QueryValues.whole(query.get("skip"), "skip", 0, MAX_SKIP, 0),
                (int) QueryValues.whole(query.get("top"), "top", 1, MAX_TOP, DEFAULT_TOP));
        MeetingInspector.Page page = exchange.context()
                .inspector()
                .find(tenantId, wanted, exchange.context().clock().instant());
        String next = page.more() && wanted.skip() + wanted.top() <= MAX_SKIP
                ? nextLink(exchange, query, wanted.skip() + wanted.top())
                : null;
        return Reply.of(200, new MeetingPageJson(page.meetings(), next));
    }

    /** Deletes the meeting as its organizer could; {@code 404} if the tenant has no live meeting of that id. */
    Reply delete(AdminExchange exchange) {
        String tenantId = exchange.tenantId();
        String meetingId = exchange.parameter("meetingId");
        if (meetingId.length() > MAX_MEETING_ID || !Text.isAcceptable(meetingId)) {
            throw GraphError.BAD_REQUEST.with(
                    "The meeting id in the path must be at most " + MAX_MEETING_ID + " characters and " + Text.RULE);
        }
        if (!exchange.context()
                .meetings()
                .delete(tenantId, meetingId, exchange.context().clock().instant())) {
            throw GraphError.NOT_FOUND.with("Meeting '" + meetingId + "' was not found in tenant " + tenantId + ".");
        }
        return Reply.noContent();
    }

    /** A user id (a GUID, in lower case) or a UPN. */
    private static String organizer(String value) {
        if (value == null) {
            return null;
        }
        if (GUID.matcher(value).matches()) {
            return Fields.guid(value, "organizer");
        }
        if (value.contains("@") && value.length() <= 256) {
            return value;
        }
        throw GraphError.BAD_REQUEST.with("Query parameter 'organizer' must be a user id (a GUID) or a user "
                + "principal name; was '" + value + "'.");
    }

    /** This request's URL with {@code skip} moved on, the other parameters as they were. */
    private static String nextLink(AdminExchange exchange, QueryString query, int skip) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String name : PARAMETERS) {
            if (query.get(name) != null) {
                parameters.put(name, query.get(name));
            }
        }
        parameters.put("skip", Integer.toString(skip));
        StringJoiner encoded = new StringJoiner("&", exchange.urlWithoutQuery() + "?", "");
        parameters.forEach((name, value) -> encoded.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return encoded.toString();
    }

    /** One page of meetings, as Graph pages a collection. */
    record MeetingPageJson(
            List<ObjectNode> value,

            @JsonProperty("@odata.nextLink") @JsonInclude(JsonInclude.Include.NON_NULL)
            String nextLink) {}
}
