'use strict';
// docs/entra.md, step 4, for the Microsoft Graph JavaScript client: the client is set up exactly as the guide
// says, with a stand-in for @azure/identity's ClientSecretCredential that records the scopes it is asked for
// and hands out a token of Entra's shape (GRAPHMEET_TOKEN). Run by EntraGuideTest against graphmeet's HTTPS
// listener (GRAPHMEET_HTTPS_URL, trusted through NODE_EXTRA_CA_CERTS); prints one line of JSON.
const { Client } = require('@microsoft/microsoft-graph-client');
const { TokenCredentialAuthenticationProvider } =
  require('@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials');
const { setting } = require('./graphmeet-client');

const scopesAsked = [];
const credential = {
  async getToken(scopes) {
    scopesAsked.push(...[].concat(scopes));
    return { token: setting('GRAPHMEET_TOKEN'), expiresOnTimestamp: Date.now() + 3600 * 1000 };
  },
};

async function main() {
  const baseUrl = setting('GRAPHMEET_HTTPS_URL');
  const graph = Client.initWithMiddleware({
    authProvider: new TokenCredentialAuthenticationProvider(credential, {
      scopes: ['api://graphmeet.contoso.com/.default'],
    }),
    baseUrl: `${baseUrl}/`,
    customHosts: new Set([new URL(baseUrl).hostname]),
  });
  const userId = setting('GRAPHMEET_USER_ID');
  const meeting = await graph.api(`/users/${userId}/onlineMeetings/createOrGet`)
    .post({ externalId: `js-entra-${Date.now()}`, subject: 'Created through graphmeet\'s own Entra registration' });
  console.log(JSON.stringify({
    scopesAsked,
    id: meeting.id,
    organizer: meeting.participants.organizer.identity.user.id,
  }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
