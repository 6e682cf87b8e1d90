// "Why was this allowed or denied?": the explainer of the admin API for one app, user and operation of a tenant.
import { call, query, tenantPath } from './api.js';
import { code, field, form, h, say, show } from './dom.js';

const OPERATIONS = ['createOrGet', 'create', 'get', 'list', 'update', 'delete'];

export async function explain(main, { tenantId, parameters }) {
  const base = tenantPath(tenantId);
  const errors = h('div');
  const answer = h('div', { 'aria-live': 'polite' });
  const [appsAnswer, usersAnswer] = await Promise.all([call('GET', `${base}/apps`), call('GET', `${base}/users`)]);
  const appList = h('datalist', { id: 'explain-apps' }, appsAnswer.value.map((app) => h('option', { value: app.appId }, app.displayName || app.appId)));
  const userList = h('datalist', { id: 'explain-users' }, usersAnswer.value.map((user) => h('option', { value: user.id }, user.userPrincipalName)));
  const [appField, app] = field('App id', { name: 'app', list: 'explain-apps', size: 38, required: true, value: parameters.get('app') || '' });
  const [userField, user] = field('User id or UPN', { name: 'user', list: 'explain-users', size: 38, value: parameters.get('user') || '' });
  const [operationField, operation] = field('Operation', { name: 'operation' }, OPERATIONS.map((name) => [name, name]));
  operation.value = parameters.get('operation') && OPERATIONS.includes(parameters.get('operation')) ? parameters.get('operation') : 'createOrGet';

  async function run() {
    const result = await call('GET', `${base}/explain${query({ app: app.value, user: user.value, operation: operation.value })}`);
    const allowed = result.result === 'allowed';
    show(answer, h('section', { 'aria-label': 'Explanation', class: 'notice' },
      h('h2', { class: allowed ? 'result-allowed' : 'result-denied' }, allowed ? 'Allowed' : 'Denied'),
      h('p', {}, result.explanation),
      h('dl', {},
        h('dt', {}, 'Permission in the token'), h('dd', {}, result.permission ? code(result.permission) : 'none'),
        h('dt', {}, 'Policy that matched'), h('dd', {}, result.policy
          ? [code(result.policy.identity), result.policy.grant === 'user' ? ' (granted to the user)' : ' (granted tenant-wide)']
          : 'none'))));
    say(allowed ? 'Allowed.' : 'Denied.');
  }

  main.append(h('p', { class: 'help' }, 'Which permission, which policy, and so which answer graphmeet gives this app calling for this user.'),
    appList, userList,
    form({ 'aria-label': 'Explain a decision' }, [appField, userField, operationField, h('button', { type: 'submit' }, 'Explain')], async () => {
      errors.replaceChildren();
      await run();
    }, errors), errors, answer);
  if (app.value) {
    try {
      await run();
    } catch (error) {
      errors.append(error instanceof Error ? h('p', { class: 'message', role: 'alert' }, error.message) : String(error));
    }
  }
}
