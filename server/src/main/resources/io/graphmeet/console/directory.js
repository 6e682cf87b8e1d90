// Tenants, users, apps, access policies and grants: the directory of each tenant, through the admin API.
import { call, tenantPath } from './api.js';
import { button, code, errorBox, field, form, h, say, show, table } from './dom.js';

const MEETINGS_PERMISSION = 'OnlineMeetings.ReadWrite.All';

async function removing(slot, what, action, redraw) {
  if (!window.confirm(`Delete ${what}?`)) {
    return;
  }
  try {
    await action();
    say(`Deleted ${what}.`);
    await redraw();
  } catch (error) {
    show(slot, errorBox(error));
  }
}

export async function tenants(main, context) {
  const list = h('div');
  const errors = h('div');
  async function redraw() {
    await context.refreshTenants();
    show(list, table('Tenants', ['Display name', 'Tenant id', 'Actions'], context.tenants.map((tenant) => [
      tenant.displayName || '',
      code(tenant.id),
      h('span', { class: 'actions' },
        h('a', { href: `#/users?tenant=${tenant.id}` }, 'Open'), ' ',
        button('Delete', () => removing(errors, `tenant ${tenant.displayName || tenant.id} and all it holds`,
          () => call('DELETE', tenantPath(tenant.id)), redraw), { class: 'danger', 'aria-label': `Delete tenant ${tenant.displayName || tenant.id}` })),
    ])));
  }
  const [nameField, name] = field('Display name', { required: true, name: 'displayName' });
  const [idField, id] = field('Tenant id (optional GUID)', { name: 'id', size: 38 });
  main.append(h('h2', {}, 'Create a tenant'), form({ 'aria-label': 'Create a tenant' }, [nameField, idField,
    h('button', { type: 'submit' }, 'Create tenant')], async () => {
    const created = await call('POST', '/tenants', { displayName: name.value, id: id.value.trim() || undefined });
    say(`Created tenant ${created.displayName}.`);
    name.value = '';
    id.value = '';
    await redraw();
  }, errors), errors, list);
  await redraw();
}

export async function users(main, { tenantId }) {
  const list = h('div');
  const errors = h('div');
  async function redraw() {
    const found = (await call('GET', `${tenantPath(tenantId)}/users`)).value;
    show(list, table('Users', ['Display name', 'User principal name', 'Object id', 'Password', 'Actions'], found.map((user) => [
      user.displayName || '',
      user.userPrincipalName,
      code(user.id),
      user.hasPassword ? 'set' : 'none',
      button('Delete', () => removing(errors, `user ${user.userPrincipalName}`,
        () => call('DELETE', `${tenantPath(tenantId)}/users/${user.id}`), redraw),
      { class: 'danger', 'aria-label': `Delete user ${user.userPrincipalName}` }),
    ])));
  }
  const [upnField, upn] = field('User principal name', { required: true, name: 'userPrincipalName', placeholder: 'ada@contoso.test' });
  const [nameField, name] = field('Display name', { name: 'displayName' });
  const [passwordField, password] = field('Password (optional, for delegated sign-in)', { type: 'password', name: 'password', autocomplete: 'new-password' });
  main.append(h('h2', {}, 'Add a user'), form({ 'aria-label': 'Add a user' }, [upnField, nameField, passwordField,
    h('button', { type: 'submit' }, 'Add user')], async () => {
    const created = await call('POST', `${tenantPath(tenantId)}/users`, {
      userPrincipalName: upn.value, displayName: name.value || undefined, password: password.value || undefined,
    });
    say(`Added user ${created.userPrincipalName}.`);
    upn.value = name.value = password.value = '';
    await redraw();
  }, errors), errors, list);
  await redraw();
}

function secretNotice(slot, what, secretText) {
  show(slot, h('div', { class: 'notice', role: 'status' },
    h('p', {}, `The client secret of ${what}; it is shown this once only:`), h('p', {}, code(secretText))));
}

export async function apps(main, { tenantId }) {
  const list = h('div');
  const errors = h('div');
  async function redraw() {
    const found = (await call('GET', `${tenantPath(tenantId)}/apps`)).value;
    show(list, table('App registrations', ['Display name', 'Application (client) id', 'Permissions', 'Secrets', 'Actions'],
      found.map((app) => [
        app.displayName || '',
        code(app.appId),
        app.permissions.join(', ') || 'none',
        app.secrets.map((secret) => `${secret.hint}… (${secret.createdDateTime})`).join(', ') || 'none',
        h('span', {},
          button('New secret', async () => {
            try {
              const secret = await call('POST', `${tenantPath(tenantId)}/apps/${app.appId}/secrets`);
              secretNotice(errors, app.displayName || app.appId, secret.secretText);
              await redraw();
            } catch (error) {
              show(errors, errorBox(error));
            }
          }, { class: 'secondary', 'aria-label': `New secret for ${app.displayName || app.appId}` }), ' ',
          button('Delete', () => removing(errors, `app ${app.displayName || app.appId}`,
            () => call('DELETE', `${tenantPath(tenantId)}/apps/${app.appId}`), redraw),
          { class: 'danger', 'aria-label': `Delete app ${app.displayName || app.appId}` })),
      ])));
  }
  const [nameField, name] = field('Display name', { required: true, name: 'displayName' });
  const [permissionsField, permissions] = field('Application permissions (comma-separated)',
    { name: 'permissions', value: MEETINGS_PERMISSION, size: 36 });
  main.append(h('h2', {}, 'Register an app'), form({ 'aria-label': 'Register an app' }, [nameField, permissionsField,
    h('button', { type: 'submit' }, 'Register app')], async () => {
    const created = await call('POST', `${tenantPath(tenantId)}/apps`, {
      displayName: name.value,
      permissions: permissions.value.split(',').map((permission) => permission.trim()).filter(Boolean),
    });
    say(`Registered app ${created.displayName}.`);
    name.value = '';
    await redraw();
    if (created.secretText) {
      secretNotice(errors, created.displayName, created.secretText);
    }
  }, errors), errors, list);
  await redraw();
}

export async function access(main, { tenantId }) {
  const base = tenantPath(tenantId);
  const errors = h('div');
  const policiesSlot = h('div');
  const grantsSlot = h('div');
  const createSlot = h('div');
  const grantSlot = h('div');

  async function redraw() {
    const [policies, grants, appList, userList] = await Promise.all([
      call('GET', `${base}/policies`), call('GET', `${base}/grants`), call('GET', `${base}/apps`), call('GET', `${base}/users`)]);
    const appName = (appId) => (appList.value.find((app) => app.appId === appId) || {}).displayName;
    const userName = (userId) => (userList.value.find((user) => user.id === userId) || {}).userPrincipalName;
    show(policiesSlot, table('Application access policies', ['Identity', 'Apps', 'Actions'], policies.value.map((policy) => [
      policy.identity,
      policy.appIds.map((appId) => `${appName(appId) || ''} ${appId}`.trim()).join(', ') || 'none',
      button('Delete', () => removing(errors, `policy ${policy.identity}`,
        () => call('DELETE', `${base}/policies/${encodeURIComponent(policy.identity)}`), redraw),
      { class: 'danger', 'aria-label': `Delete policy ${policy.identity}` }),
    ])));

    const checkboxes = appList.value.map((app) => {
      const id = `policy-app-${app.appId}`;
      return h('div', {}, h('input', { type: 'checkbox', id, value: app.appId, name: 'appIds' }), ' ',
        h('label', { for: id }, `${app.displayName || ''} ${app.appId}`));
    });
    const [identityField, identity] = field('Identity', { required: true, name: 'identity', placeholder: 'meetings-apps' });
    show(createSlot, form({ 'aria-label': 'Create a policy' }, [identityField,
      h('fieldset', {}, h('legend', {}, 'Apps the policy admits'), checkboxes.length ? checkboxes : h('p', {}, 'No apps yet.')),
      h('button', { type: 'submit' }, 'Create policy')], async (event) => {
      const appIds = [...event.target.querySelectorAll('input[name=appIds]:checked')].map((box) => box.value);
      await call('POST', `${base}/policies`, { identity: identity.value, appIds });
      say(`Created policy ${identity.value}.`);
      await redraw();
    }, errors));

    const policyOptions = policies.value.map((policy) => [policy.identity, policy.identity]);
    const rows = grants.users.map((grant) => [
      `${userName(grant.userId) || ''} ${grant.userId}`.trim(),
      grant.policy,
      button('Revoke', async () => {
        try {
          await call('DELETE', `${base}/grants/users/${grant.userId}`);
          say(`Revoked the grant of ${userName(grant.userId) || grant.userId}.`);
          await redraw();
        } catch (error) {
          show(errors, errorBox(error));
        }
      }, { class: 'danger', 'aria-label': `Revoke the grant of ${userName(grant.userId) || grant.userId}` }),
    ]);
    show(grantsSlot,
      h('p', {}, 'Tenant-wide grant: ', grants.global ? h('strong', {}, grants.global) : 'none',
        grants.global ? [' ', button('Revoke tenant-wide grant', async () => {
          try {
            await call('DELETE', `${base}/grants/global`);
            say('Revoked the tenant-wide grant.');
            await redraw();
          } catch (error) {
            show(errors, errorBox(error));
          }
        }, { class: 'danger' })] : null),
      table('Grants to users', ['User', 'Policy', 'Actions'], rows, 'No user has a grant of its own.'));

    const [userField, user] = field('User', { name: 'user' },
      [['', 'Everyone (tenant-wide)'], ...userList.value.map((u) => [u.id, `${u.userPrincipalName}`])]);
    const [policyField, policy] = field('Policy', { name: 'policy' }, policyOptions);
    show(grantSlot, policyOptions.length === 0 ? h('p', {}, 'Create a policy to grant it.')
      : form({ 'aria-label': 'Grant a policy' }, [policyField, userField, h('button', { type: 'submit' }, 'Grant')], async () => {
        const path = user.value ? `${base}/grants/users/${user.value}` : `${base}/grants/global`;
        await call('PUT', path, { policy: policy.value });
        say(`Granted ${policy.value} to ${user.value ? user.selectedOptions[0].textContent : 'the whole tenant'}.`);
        await redraw();
      }, errors));
  }

  main.append(errors, h('h2', {}, 'Policies'), policiesSlot, h('h2', {}, 'Create a policy'), createSlot,
    h('h2', {}, 'Grants'), h('p', { class: 'help' }, 'A user\'s own grant wins over the tenant-wide one.'),
    grantsSlot, h('h2', {}, 'Grant a policy'), grantSlot);
  await redraw();
}
