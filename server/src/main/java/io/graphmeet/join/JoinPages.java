package io.graphmeet.join;

import static io.helidon.http.Method.GET;
import static io.helidon.http.Method.HEAD;

import io.graphmeet.http.Edge;
import io.graphmeet.http.Guard;
import io.graphmeet.http.RequestIds;
import io.graphmeet.http.RouteTable;
import io.graphmeet.http.Surface;
import io.graphmeet.meetings.MeetingStore;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.HttpRouting;
import java.net.URI;
import java.time.Clock;
import java.util.List;

/**
 * The join and meeting-options pages' routes, at the paths of the links graphmeet hands out under
 * {@code meetings.joinBaseUrl}: {@code /l/meetup-join/...} and {@code /meetingOptions/}, below the join base's own
 * path when it has one. Every page is HTML rendered on the server, works without JavaScript, loads nothing from
 * elsewhere, and says so in a strict Content-Security-Policy.
 */
public final class JoinPages {

    /** Where the pages' style, script and icon are served, below the join base's path. */
    static final String ASSETS = "/l/graphmeet";

    private static final Header HTML = HeaderValues.createCached(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8");
    private static final List<Header> HEADERS = List.of(
            HeaderValues.createCached(
                    "Content-Security-Policy",
                    "default-src 'none'; script-src 'self'; "
                            + "style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"),
            // the page shows a passcode, and its address is the invitation itself: keep both out of caches and
            // referrers
            HeaderValues.createCached(HeaderNames.CACHE_CONTROL, "no-store"),
            HeaderValues.createCached("Referrer-Policy", "no-referrer"),
            HeaderValues.createCached(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff"));

    private JoinPages() {}

    /** Adds the pages' routes to the Graph listener's {@code routing}, before the Graph API's catch-all. */
    public static void register(HttpRouting.Builder routing, MeetingStore meetings, Clock clock, String joinBaseUrl) {
        String base = basePath(joinBaseUrl);
        String assets = base + ASSETS;
        Html html = new Html();
        Surface pages = new Surface("join", RequestIds.REQUEST_ID, HTML, HEADERS, new PageErrors(html, assets));
        RouteTable<JoinExchange> table = new RouteTable<>(
                routing, new Edge<>(pages, (request, ids) -> new JoinExchange(request)), Guard.open(), exchange -> {
                    throw PageProblem.methodNotAllowed();
                });
        MeetingPages meeting = new MeetingPages(meetings, clock, html, assets);
        for (String join : List.of(base + "/l/meetup-join/{+link}", base + "/l/meetup-join/")) {
            table.path(
                    join,
                    RouteTable.on(GET, Guard.open(), meeting::join),
                    RouteTable.on(HEAD, Guard.open(), meeting::join));
        }
        for (String options : List.of(base + "/meetingOptions", base + "/meetingOptions/")) {
            table.path(
                    options,
                    RouteTable.on(GET, Guard.open(), meeting::options),
                    RouteTable.on(HEAD, Guard.open(), meeting::options));
        }
        routing.get(assets + "/{name}", new Assets());
    }

    /** The path of the join base, without a trailing slash: empty for {@code http://127.0.0.1:8080}. */
    static String basePath(String joinBaseUrl) {
        String path = URI.create(joinBaseUrl).getRawPath();
        return path == null ? "" : path.replaceAll("/+$", "");
    }
}
