package io.graphmeet.sdk;

import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import java.net.URI;
import java.util.Map;

/** The official Graph SDK client as a user points it at graphmeet: only the base URL and the token source change. */
public final class GraphSdkClients {

    private GraphSdkClients() {}

    public static GraphServiceClient client(String baseUrl, String token) {
        AccessTokenProvider tokens = new AccessTokenProvider() {
            @Override
            public String getAuthorizationToken(URI uri, Map<String, Object> context) {
                return token;
            }

            @Override
            public AllowedHostsValidator getAllowedHostsValidator() {
                return new AllowedHostsValidator("127.0.0.1");
            }
        };
        GraphServiceClient client = new GraphServiceClient(new BaseBearerTokenAuthenticationProvider(tokens));
        client.getRequestAdapter().setBaseUrl(baseUrl + "/v1.0");
        return client;
    }
}
