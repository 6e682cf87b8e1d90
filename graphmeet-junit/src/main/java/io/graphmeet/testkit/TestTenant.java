package io.graphmeet.testkit;

/**
 * A fresh tenant made for a test through the admin API: one user with a password, one application holding
 * {@code OnlineMeetings.ReadWrite.All} with a client secret, and an application access policy listing the
 * application, granted tenant-wide, so both its tokens may create meetings for the user.
 */
public record TestTenant(
        String tenantId,
        String userId,
        String userPrincipalName,
        String userPassword,
        String appId,
        String appSecret,
        String policy,
        TokenSource appToken,
        TokenSource userToken) {

    /** The application permission the tenant's application holds. */
    public static final String APP_PERMISSION = "OnlineMeetings.ReadWrite.All";

    /** The delegated scopes of {@link #userToken()}. */
    public static final String USER_SCOPES = "OnlineMeetings.ReadWrite User.Read";

    /**
     * The application's token (client credentials grant, {@code roles: [OnlineMeetings.ReadWrite.All]}), which
     * refreshes itself.
     */
    @Override
    public TokenSource appToken() {
        return appToken;
    }

    /** The user's delegated token (password grant through the application, {@link #USER_SCOPES}). */
    @Override
    public TokenSource userToken() {
        return userToken;
    }

    /** Leaves the secrets out, so that a tenant printed in a test report shows none. */
    @Override
    public String toString() {
        return "TestTenant[tenantId=" + tenantId + ", userId=" + userId + ", userPrincipalName=" + userPrincipalName
                + ", appId=" + appId + ", policy=" + policy + "]";
    }
}
