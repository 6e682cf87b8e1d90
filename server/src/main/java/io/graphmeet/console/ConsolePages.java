package io.graphmeet.console;

import io.graphmeet.http.Json;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the console sends a browser: its static files from the classpath, the sign-in page, and JSON, each under
 * the headers that keep it to itself (a Content-Security-Policy that admits only the console's own files, no
 * framing, no sniffing, no referrer to other origins (with {@code no-referrer} a browser would send its form posts with {@code Origin: null}), no caching).
 */
final class ConsolePages {

    /**
     * Only the console's own scripts, styles and images; no inline script or style, no other origin, no framing,
     * and forms post only to the console.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private static final String FOLDER = "/io/graphmeet/console/";
    private static final Pattern ASSET_NAME = Pattern.compile("[a-z][a-z0-9-]*\\.(css|js|svg)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml; charset=utf-8");

    private ConsolePages() {}

    /** The console's one HTML page; its scripts draw each view. */
    static void app(ServerResponse response) {
        send(response, Status.OK_200, TYPES.get("html"), resource("index.html"));
    }

    /** One of the console's scripts, styles or images, or a 404 page. */
    static void asset(ServerResponse response, String name) {
        byte[] bytes = name != null && ASSET_NAME.matcher(name).matches() ? resource(name) : null;
        if (bytes == null) {
            page(response, Status.NOT_FOUND_404, "Not found", "The console has no file by that name.");
            return;
        }
        send(response, Status.OK_200, TYPES.get(name.substring(name.lastIndexOf('.') + 1)), bytes);
    }

    /** The sign-in form, with a message (null: none) above it. */
    static void signIn(ServerResponse response, Status status, String message) {
        String html = text("signin.html")
                .replace(
                        "{{message}}",
                        message == null ? "" : "<p class=\"message\" role=\"alert\">" + escape(message) + "</p>");
        send(response, status, TYPES.get("html"), html.getBytes(StandardCharsets.UTF_8));
    }

    /** A page with a heading and one line, for answers that are not the console itself. */
    static void page(ServerResponse response, Status status, String title, String line) {
        String html = text("message.html").replace("{{title}}", escape(title)).replace("{{line}}", escape(line));
        send(response, status, TYPES.get("html"), html.getBytes(StandardCharsets.UTF_8));
    }

    static void json(ServerResponse response, Status status, Object value) {
        send(response, status, "application/json; charset=utf-8", Json.write(value));
    }

    /** The headers every console answer carries. */
    static void secure(ServerResponse response) {
        response.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.header("X-Content-Type-Options", "nosniff");
        response.header("X-Frame-Options", "DENY");
        response.header("Referrer-Policy", "same-origin");
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
    }

    private static void send(ServerResponse response, Status status, String contentType, byte[] body) {
        response.status(status);
        response.header(HeaderNames.CONTENT_TYPE, contentType);
        secure(response);
        response.send(body);
    }

    /** {@code text} with the five characters that matter in HTML escaped. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String text(String name) {
        return new String(resource(name), StandardCharsets.UTF_8);
    }

    private static byte[] resource(String name) {
        try (InputStream in = ConsolePages.class.getResourceAsStream(FOLDER + name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
