'use strict';
// @azure/identity (MSAL for Node) against graphmeet's HTTPS listener: it reads the OpenID discovery document
// of the authority and refuses one whose endpoints are not https, so discovery on that listener must
// describe that listener.
const test = require('node:test');
const assert = require('node:assert/strict');
const { randomUUID } = require('node:crypto');
const { ClientSecretCredential, UsernamePasswordCredential } = require('@azure/identity');
const { graphmeetClient, setting } = require('../graphmeet-client');

const httpsUrl = setting('GRAPHMEET_HTTPS_URL');
const tenant = setting('GRAPHMEET_DEMO_TENANT');
const appId = setting('GRAPHMEET_DEMO_APP_ID');
const secret = setting('GRAPHMEET_DEMO_APP_SECRET');
const user = setting('GRAPHMEET_DEMO_USER');
const options = { authorityHost: httpsUrl, disableInstanceDiscovery: true };

function claimsOf(jwt) {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
}

test('discovery over HTTPS names the HTTPS listener as issuer and endpoints', async () => {
  const response = await fetch(`${httpsUrl}/${tenant}/v2.0/.well-known/openid-configuration`);
  const discovery = await response.json();

  assert.equal(response.status, 200);
  assert.equal(discovery.issuer, `${httpsUrl}/${tenant}/v2.0`);
  assert.equal(discovery.token_endpoint, `${httpsUrl}/${tenant}/oauth2/v2.0/token`);
  assert.equal(discovery.jwks_uri, `${httpsUrl}/${tenant}/discovery/v2.0/keys`);
  assert.equal(discovery.authorization_endpoint, `${httpsUrl}/${tenant}/oauth2/v2.0/authorize`);
});

test('ClientSecretCredential gets an application token over HTTPS that creates a meeting', async () => {
  const credential = new ClientSecretCredential(tenant, appId, secret, options);

  const token = await credential.getToken('https://graph.microsoft.com/.default');
  const meeting = await graphmeetClient(token.token).api(`/users/${user}/onlineMeetings/createOrGet`)
    .post({ externalId: `js-identity-${randomUUID()}`, subject: 'through @azure/identity' });

  const claims = claimsOf(token.token);
  assert.equal(claims.iss, `${httpsUrl}/${tenant}/v2.0`);
  assert.equal(claims.idtyp, 'app');
  assert.deepEqual(claims.roles, ['OnlineMeetings.ReadWrite.All']);
  assert.equal(meeting.participants.organizer.identity.user.id, user);
});

test('UsernamePasswordCredential gets a delegated token over HTTPS that creates a meeting for me', async () => {
  const credential = new UsernamePasswordCredential(tenant, appId, setting('GRAPHMEET_DEMO_USER_UPN'),
    setting('GRAPHMEET_DEMO_USER_PASSWORD'), options);

  const token = await credential.getToken('https://graph.microsoft.com/OnlineMeetings.ReadWrite');
  const meeting = await graphmeetClient(token.token).api('/me/onlineMeetings/createOrGet')
    .post({ externalId: `js-identity-${randomUUID()}` });

  const claims = claimsOf(token.token);
  assert.equal(claims.iss, `${httpsUrl}/${tenant}/v2.0`);
  assert.equal(claims.scp, 'OnlineMeetings.ReadWrite');
  assert.equal(meeting.participants.organizer.identity.user.id, user);
});
