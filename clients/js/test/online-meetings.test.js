'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { randomUUID } = require('node:crypto');
const { Client, GraphError } = require('@microsoft/microsoft-graph-client');
const { graphmeetClient, setting } = require('../graphmeet-client');

const client = graphmeetClient();

function createOrGet(externalId, subject = 'JS client') {
  return client.api('/me/onlineMeetings/createOrGet').post({ externalId, subject });
}

async function graphError(promise) {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof GraphError, `expected a GraphError, got ${error}`);
    return error;
  }
  assert.fail('expected the call to fail');
}

test('createOrGet creates once and then returns the same meeting', async () => {
  const externalId = `js-${randomUUID()}`;

  const first = await createOrGet(externalId);
  const second = await createOrGet(externalId, 'ignored on replay');

  assert.equal(first.externalId, externalId);
  assert.equal(second.id, first.id);
  assert.equal(second.subject, 'JS client');
  assert.match(first.joinWebUrl, /\/l\/meetup-join\/19%3ameeting_/);
});

test('get by id returns the meeting, and $select trims it', async () => {
  const meeting = await createOrGet(`js-${randomUUID()}`);

  const whole = await client.api(`/me/onlineMeetings/${meeting.id}`).get();
  const selected = await client.api(`/me/onlineMeetings/${meeting.id}`).select(['subject']).get();

  assert.equal(whole.joinWebUrl, meeting.joinWebUrl);
  assert.equal(whole.participants.organizer.role, 'presenter');
  assert.deepEqual(Object.keys(selected).sort(), ['@odata.context', 'id', 'subject']);
});

test('filter by JoinWebUrl finds the meeting whether the URL is encoded once or given as it is', async () => {
  const meeting = await createOrGet(`js-${randomUUID()}`);

  const encoded = await client.api('/me/onlineMeetings')
    .filter(`JoinWebUrl eq '${encodeURIComponent(meeting.joinWebUrl)}'`).get();
  const asItIs = await client.api('/me/onlineMeetings')
    .filter(`JoinWebUrl eq '${meeting.joinWebUrl}'`).get();
  const encodedTwice = await graphError(client.api('/me/onlineMeetings')
    .filter(`JoinWebUrl eq '${encodeURIComponent(encodeURIComponent(meeting.joinWebUrl))}'`).get());

  assert.equal(encoded.value.length, 1);
  assert.equal(encoded.value[0].id, meeting.id);
  assert.equal(asItIs.value.length, 1);
  assert.equal(asItIs.value[0].id, meeting.id);
  assert.equal(encodedTwice.statusCode, 404);
  assert.equal(encodedTwice.message, '3004: Specified meeting is not found');
});

test('update changes what it sends and keeps the rest', async () => {
  const meeting = await createOrGet(`js-${randomUUID()}`);

  const updated = await client.api(`/me/onlineMeetings/${meeting.id}`)
    .patch({ subject: 'Updated from JS', lobbyBypassSettings: { isDialInBypassEnabled: true } });

  assert.equal(updated.subject, 'Updated from JS');
  assert.equal(updated.lobbyBypassSettings.isDialInBypassEnabled, true);
  assert.equal(updated.lobbyBypassSettings.scope, meeting.lobbyBypassSettings.scope);
  assert.equal(updated.joinWebUrl, meeting.joinWebUrl);
});

test('delete removes the meeting; reading it again is a 404 GraphError', async () => {
  const externalId = `js-${randomUUID()}`;
  const meeting = await createOrGet(externalId);

  await client.api(`/me/onlineMeetings/${meeting.id}`).delete();
  const error = await graphError(client.api(`/me/onlineMeetings/${meeting.id}`).get());
  const again = await createOrGet(externalId);

  assert.equal(error.statusCode, 404);
  assert.equal(error.code, 'NotFound');
  assert.equal(error.message, '3004: Specified meeting is not found');
  assert.notEqual(again.id, meeting.id);
});

test('Client.init with an authProvider sends no token to a plain-http host (why we use middleware)', async () => {
  const plain = Client.init({
    authProvider: (done) => done(null, setting('GRAPHMEET_TOKEN')),
    baseUrl: setting('GRAPHMEET_BASE_URL'),
    defaultVersion: 'v1.0',
    customHosts: new Set([new URL(setting('GRAPHMEET_BASE_URL')).hostname]),
  });

  const error = await graphError(plain.api('/me/onlineMeetings/createOrGet').post({ externalId: randomUUID() }));

  assert.equal(error.statusCode, 401);
  assert.equal(error.code, 'InvalidAuthenticationToken');
  assert.equal(error.message, 'Access token is empty.');
});
