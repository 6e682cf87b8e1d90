package io.graphmeet.bench;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The benchmark baseline: bare Helidon SE answering every request with the same static JSON body, so
 * graphmeet's throughput can be quoted as a ratio of the stack it runs on. Args: port, body file.
 */
public final class BareStackServer {

    private BareStackServer() {}

    public static void main(String[] args) throws Exception {
        byte[] body = Files.readAllBytes(Path.of(args[1]));
        WebServer.builder()
                .host("127.0.0.1")
                .port(Integer.parseInt(args[0]))
                .routing(routing -> routing.any((request, response) -> {
                    request.content().consume();
                    response.header(HeaderNames.CONTENT_TYPE, "application/json");
                    response.send(body);
                }))
                .build()
                .start();
        System.out.println("bare stack ready");
    }
}
