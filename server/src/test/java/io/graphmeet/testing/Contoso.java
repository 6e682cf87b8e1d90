package io.graphmeet.testing;

/** The fixed tenants, users and apps tests talk about, and the directory seed that declares them. */
public final class Contoso {

    public static final String TENANT = "5f1c6d2e-8a4b-4c3d-9e0f-1a2b3c4d5e6f";
    public static final String OTHER_TENANT = "7a2b3c4d-1111-4222-8333-944455566677";
    /** A third tenant whose policy lets the bot app act for any of its users, whatever their id. */
    public static final String THIRD_TENANT = "8b3c4d5e-2222-4333-8444-a55566677788";

    public static final String MEGAN = "0b7e4c2a-3d5f-4e6a-8b9c-0d1e2f3a4b5c";
    public static final String ADELE = "1f35f2e6-9cab-44ad-8d5a-b74c14720000";
    public static final String ALEX = "2c4d6e8f-1a3b-4c5d-8e9f-0a1b2c3d4e5f";
    public static final String STRANGER = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a";
    public static final String BOT_APP = "3e5f7a9b-2c4d-4e6f-8a0b-1c2d3e4f5a6b";
    public static final String OTHER_APP = "4f6a8b0c-3d5e-4f7a-9b1c-2d3e4f5a6b7c";
    public static final String WRITE = "OnlineMeetings.ReadWrite";
    public static final String WRITE_ALL = "OnlineMeetings.ReadWrite.All";

    /**
     * Megan, Adele and Alex are known. The bot app may act for Megan (her own grant) and, through the
     * tenant-wide grant, for anyone without a grant of their own; Alex's own grant names a policy that lists
     * only the other app, and wins over the tenant-wide one. Fabrikam has no policies at all; in Northwind the bot
     * app may act for anyone.
     */
    public static final String DIRECTORY = """
            tenants:
              - id: %s
                displayName: Contoso
                users:
                  - id: %s
                    upn: megan@contoso.com
                    displayName: Megan Bowen
                  - id: %s
                    upn: adele@contoso.com
                    displayName: Adele Vance
                  - id: %s
                    upn: alex@contoso.com
                    displayName: Alex Wilber
                policies:
                  - identity: meeting-bots
                    appIds: [%s]
                  - identity: other-apps
                    appIds: [%s]
                grants:
                  - policy: meeting-bots
                    user: %s
                  - policy: other-apps
                    user: %s
                  - policy: meeting-bots
                    global: true
              - id: %s
                displayName: Fabrikam
              - id: %s
                displayName: Northwind
                policies:
                  - identity: meeting-bots
                    appIds: [%s]
                grants:
                  - policy: meeting-bots
                    global: true
            """.formatted(
                    TENANT, MEGAN, ADELE, ALEX, BOT_APP, OTHER_APP, MEGAN, ALEX, OTHER_TENANT, THIRD_TENANT, BOT_APP);

    private Contoso() {}
}
