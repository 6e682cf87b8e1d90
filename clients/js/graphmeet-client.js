'use strict';
// Builds a Microsoft Graph JavaScript client for a graphmeet server, from GRAPHMEET_BASE_URL and
// GRAPHMEET_TOKEN.
//
// Why a middleware chain instead of Client.init({authProvider}): the client's AuthenticationHandler
// attaches the token only to https:// Graph hosts or to `customHosts`, and it strips the Authorization
// header from any other URL (GraphRequestUtil.isValidEndpoint only recognises "https://"). A local
// graphmeet on plain http therefore needs the token set by a middleware of our own; over https,
// Client.init({authProvider, baseUrl, customHosts: new Set(['your-host'])}) works unchanged.
const { Client, HTTPMessageHandler } = require('@microsoft/microsoft-graph-client');

function setting(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run these tests through JavaScriptClientTest (mvn verify)`);
  }
  return value;
}

/** Sets the bearer token on every request, whatever the URL's scheme. */
class BearerToken {
  constructor(token) {
    this.token = token;
  }

  setNext(next) {
    this.next = next;
  }

  async execute(context) {
    const headers = new Headers(context.options.headers || {});
    headers.set('Authorization', `Bearer ${this.token}`);
    context.options.headers = headers;
    return this.next.execute(context);
  }
}

function graphmeetClient(token = setting('GRAPHMEET_TOKEN')) {
  return Client.initWithMiddleware({
    baseUrl: setting('GRAPHMEET_BASE_URL'),
    defaultVersion: 'v1.0',
    middleware: [new BearerToken(token), new HTTPMessageHandler()],
  });
}

module.exports = { graphmeetClient, setting };
