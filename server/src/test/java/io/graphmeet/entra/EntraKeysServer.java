package io.graphmeet.entra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Entra's keys endpoints on a loopback port: {@code /{tenant}/discovery/v2.0/keys} (each key with its
 * {@code issuer}) and {@code /{tenant}/discovery/keys} (the v1.0 document, without), serving whatever keys the test
 * publishes, counting fetches, and going down when told.
 */
final class EntraKeysServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String V2_KEY_ISSUER = "https://login.microsoftonline.com/{tenantid}/v2.0";

    private final HttpServer server;
    private final AtomicReference<List<EntraSigningKey>> published = new AtomicReference<>(List.of());
    private final AtomicReference<String> keyIssuer = new AtomicReference<>(V2_KEY_ISSUER);
    private final AtomicInteger fetches = new AtomicInteger();

    EntraKeysServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    /** What {@code https://login.microsoftonline.com} is in the guide: the base of the keys URLs. */
    String authority() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Replaces the published keys (a rotation publishes the new key next to, or instead of, the old). */
    void publish(EntraSigningKey... keys) {
        publishIssuedBy(V2_KEY_ISSUER, keys);
    }

    /** Publishes keys whose v2.0 entries name {@code issuer}, e.g. one tenant's, as the only issuer they sign for. */
    void publishIssuedBy(String issuer, EntraSigningKey... keys) {
        keyIssuer.set(issuer);
        published.set(Arrays.asList(keys));
    }

    int fetches() {
        return fetches.get();
    }

    /** The endpoint goes away: connections are refused from now on. */
    void goDown() {
        server.stop(0);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!"GET".equals(exchange.getRequestMethod()) || !path.endsWith("/keys")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            fetches.incrementAndGet();
            String issuer = path.endsWith("/v2.0/keys") ? keyIssuer.get() : null;
            byte[] body = document(issuer).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private String document(String issuer) {
        try {
            return JSON.writeValueAsString(Map.of(
                    "keys",
                    published.get().stream().map(key -> key.published(issuer)).toList()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
