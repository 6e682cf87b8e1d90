package io.graphmeet.join;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** The pages' own style sheet, script and icon, served from the classpath: no page loads anything from elsewhere. */
final class Assets implements Handler {

    private static final Map<String, String> TYPES = Map.of(
            "join.css", "text/css; charset=utf-8",
            "join.js", "text/javascript; charset=utf-8",
            "icon.svg", "image/svg+xml");

    private final Map<String, byte[]> files;

    Assets() {
        this.files = Map.of("join.css", read("join.css"), "join.js", read("join.js"), "icon.svg", read("icon.svg"));
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        String name = request.path().pathParameters().get("name");
        byte[] file = files.get(name);
        if (file == null) {
            response.status(Status.NOT_FOUND_404)
                    .header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                    .send("No such file.");
            return;
        }
        response.header(HeaderNames.CONTENT_TYPE, TYPES.get(name));
        response.header(HeaderNames.CACHE_CONTROL, "public, max-age=3600");
        response.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
        response.send(file);
    }

    private static byte[] read(String name) {
        try (InputStream in = Assets.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource io/graphmeet/join/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
