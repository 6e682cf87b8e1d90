package io.graphmeet.issuer;

import io.graphmeet.errors.ErrorEnvelope;
import io.graphmeet.errors.GraphError;
import io.graphmeet.http.RequestIds;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * While the built-in issuer is on, requests must name a loopback host or the public URL's host in {@code Host}.
 * Otherwise a web page could rebind its own DNS name to 127.0.0.1 and, as same-origin, use the well-known demo
 * credentials to get tokens and call the API from the victim's browser (DNS rebinding).
 */
public final class HostGuard implements Filter {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");

    private final String publicHost;
    private final Clock clock;

    public HostGuard(String publicUrl, Clock clock) {
        this.publicHost = normalised(URI.create(publicUrl).getHost());
        this.clock = clock;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        String host = request.headers().first(HeaderNames.HOST).orElse(null);
        if (host == null || allows(host)) {
            chain.proceed();
            return;
        }
        RequestIds ids = RequestIds.of(request);
        response.status(Status.MISDIRECTED_REQUEST_421);
        response.header(HeaderNames.CONTENT_TYPE, "application/json");
        response.header(RequestIds.REQUEST_ID, ids.requestId());
        response.header(RequestIds.CLIENT_REQUEST_ID, ids.clientRequestId());
        response.send(ErrorEnvelope.render(
                GraphError.BAD_REQUEST,
                "This server answers only for loopback host names and " + publicHost
                        + " while its built-in token issuer is on.",
                ids,
                clock.instant()));
    }

    /** Whether {@code hostHeader} ({@code host[:port]}) names a loopback host or the public URL's host. */
    boolean allows(String hostHeader) {
        String host = normalised(hostOf(hostHeader));
        return host.equals(publicHost)
                || host.equals("localhost")
                || host.endsWith(".localhost")
                || host.equals("[::1]")
                || IPV4_LOOPBACK.matcher(host).matches();
    }

    private static String hostOf(String hostHeader) {
        String value = hostHeader.trim();
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            return end < 0 ? value : value.substring(0, end + 1);
        }
        int colon = value.lastIndexOf(':');
        return colon < 0 ? value : value.substring(0, colon);
    }

    private static String normalised(String host) {
        String lower = host == null ? "" : host.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
