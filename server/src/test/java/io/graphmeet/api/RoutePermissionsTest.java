package io.graphmeet.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphmeet.auth.Access;
import io.graphmeet.http.Guard;
import io.graphmeet.http.RouteTable;
import io.graphmeet.journal.RequestJournal;
import io.graphmeet.observe.Metrics;
import io.graphmeet.testing.Backend;
import io.graphmeet.testing.Contoso;
import io.graphmeet.testing.GraphResponse;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRouting;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every Graph route declares its permission in the route table, and the running server refuses a caller without
 * it, whatever the endpoint would do: the check is the table's, not something an endpoint must remember.
 */
class RoutePermissionsTest extends ServerContract {

    private static final List<RouteTable.Row<GraphExchange>> ROWS = GraphRoutes.table(
                    HttpRouting.builder(),
                    new GraphContext(
                            null,
                            null,
                            1024,
                            Clock.systemUTC(),
                            Metrics.NONE,
                            null,
                            null,
                            null,
                            null,
                            RequestJournal.off()),
                    null,
                    null)
            .rows();

    @Override
    Backend backend() {
        return Backend.EMBEDDED;
    }

    @Test
    void everyRouteDeclaresReadForGetsAndWriteForChanges() {
        assertThat(ROWS).hasSize(24);
        for (RouteTable.Row<GraphExchange> row : ROWS) {
            Access expected = row.method() == Method.GET ? Access.READ : Access.WRITE;
            // the permission first; the throttle counts only callers it admitted
            assertThat(row.guard())
                    .as(row.method().text() + " " + row.path())
                    .isInstanceOfSatisfying(Guard.Sequence.class, guards -> {
                        assertThat(guards.first()).isEqualTo(new GraphRoutes.Permission(expected));
                        assertThat(guards.second()).isInstanceOf(Throttling.class);
                    });
        }
    }

    /** The explainer reads an operation's access from {@link Access#forOperation}; the table must agree with it. */
    @Test
    void everyRouteDeclaresTheAccessTheExplainerNamesForItsOperation() {
        for (RouteTable.Row<GraphExchange> row : ROWS) {
            Guard.Sequence<?> guards = (Guard.Sequence<?>) row.guard();
            String operation = ((Throttling) guards.second()).operation().label();
            assertThat(Access.forOperation(operation))
                    .as(row.method().text() + " " + row.path())
                    .contains(((GraphRoutes.Permission) guards.first()).access());
        }
    }

    @Test
    void aTokenWithNoMeetingPermissionIsForbiddenOnEveryRoute() {
        String token = issuer.delegated(Contoso.TENANT, Contoso.MEGAN, "User.Read");
        for (RouteTable.Row<GraphExchange> row : ROWS) {
            assertForbidden(call(row, token), row);
        }
    }

    @Test
    void aReadOnlyTokenIsForbiddenOnEveryRouteThatChangesMeetingsAndOnlyThere() {
        String token = issuer.delegated(Contoso.TENANT, Contoso.MEGAN, "OnlineMeetings.Read");
        for (RouteTable.Row<GraphExchange> row : ROWS) {
            GraphResponse response = call(row, token);
            if (row.method() == Method.GET) {
                assertThat(response.status())
                        .as(row.method().text() + " " + row.path())
                        .isNotIn(401, 403);
            } else {
                assertForbidden(response, row);
            }
        }
    }

    private GraphResponse call(RouteTable.Row<GraphExchange> row, String token) {
        String path = row.path().replace("{userId}", Contoso.MEGAN).replace("{+meetingId}", "no-such-meeting")
                + (row.path().endsWith("/onlineMeetings") && row.method() == Method.GET
                        ? "?$filter=JoinWebUrl%20eq%20'https://teams.microsoft.com/l/meetup-join/x'"
                        : "");
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofString("{\"externalId\":\"" + uniqueId() + "\"}");
        return http.send(http.request(path, token)
                .header("Content-Type", "application/json")
                .method(
                        row.method().text(),
                        row.method() == Method.GET || row.method() == Method.DELETE
                                ? HttpRequest.BodyPublishers.noBody()
                                : body));
    }

    private static void assertForbidden(GraphResponse response, RouteTable.Row<GraphExchange> row) {
        assertThat(response.status()).as(row.method().text() + " " + row.path()).isEqualTo(403);
        assertThat(response.json().path("error").path("message").asText()).startsWith("Missing delegated permission");
    }
}
