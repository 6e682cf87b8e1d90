package io.graphmeet.testkit.sdk;

import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.RequestOption;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import io.graphmeet.testkit.TestTenant;
import io.graphmeet.testkit.TokenSource;
import java.net.URI;
import java.util.Map;

/**
 * Builds {@link GraphServiceClient}s for a test graphmeet as a user would configure them for Graph: the SDK's own
 * middleware (retry, redirect, ...), the base URL changed to graphmeet's, and tokens from a {@link TokenSource}
 * that refreshes itself.
 */
public final class GraphClients {

    private final String baseUrl;

    private GraphClients(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Clients of the graphmeet at {@code baseUrl} (its Graph base URL, without {@code /v1.0}). */
    public static GraphClients of(String baseUrl) {
        return new GraphClients(baseUrl);
    }

    /** A client calling as the tenant's application (client credentials). */
    public GraphServiceClient application(TestTenant tenant) {
        return withToken(tenant.appToken());
    }

    /** A client calling on behalf of the tenant's user (delegated). */
    public GraphServiceClient delegated(TestTenant tenant) {
        return withToken(tenant.userToken());
    }

    /**
     * A client sending {@code tokens}, its middleware configured by {@code options} as {@link
     * GraphClientFactory#create(RequestOption[])} takes them, e.g. a {@code RetryHandlerOption} with a shorter
     * delay.
     */
    public GraphServiceClient withToken(TokenSource tokens, RequestOption... options) {
        String host = URI.create(baseUrl).getHost();
        AccessTokenProvider provider = new AccessTokenProvider() {
            @Override
            public String getAuthorizationToken(URI uri, Map<String, Object> context) {
                return tokens.token();
            }

            @Override
            public AllowedHostsValidator getAllowedHostsValidator() {
                return new AllowedHostsValidator(host);
            }
        };
        GraphServiceClient client = new GraphServiceClient(
                new BaseBearerTokenAuthenticationProvider(provider),
                GraphClientFactory.create(options).build());
        client.getRequestAdapter().setBaseUrl(baseUrl + "/v1.0");
        return client;
    }
}
