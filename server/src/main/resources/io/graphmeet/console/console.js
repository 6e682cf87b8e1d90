// The console's shell: the session, the tenant picker, and the views behind the hash routes (#/users?tenant=…).
import { call, openSession, signOut } from './api.js';
import { errorBox, h, say } from './dom.js';
import { access, apps, tenants, users } from './directory.js';
import { meetings } from './meetings.js';
import { journal } from './journal.js';
import { faults } from './faults.js';
import { explain } from './explain.js';

const VIEWS = {
  tenants: { title: 'Tenants', draw: tenants, needsTenant: false },
  users: { title: 'Users', draw: users, needsTenant: true },
  apps: { title: 'Apps', draw: apps, needsTenant: true },
  access: { title: 'Policies and grants', draw: access, needsTenant: true },
  meetings: { title: 'Meetings', draw: meetings, needsTenant: true },
  journal: { title: 'Request journal', draw: journal, needsTenant: true },
  faults: { title: 'Fault rules', draw: faults, needsTenant: false },
  explain: { title: 'Explainer', draw: explain, needsTenant: true },
};
const TENANT_KEY = 'graphmeet.console.tenant';

let stopView = null;
let knownTenants = [];

function parseHash() {
  const hash = window.location.hash.replace(/^#\/?/, '');
  const [name, search = ''] = hash.split('?');
  return { name: VIEWS[name] ? name : 'tenants', parameters: new URLSearchParams(search) };
}

/** The tenant the views work on: the route's, else the last chosen, else the first there is. */
function currentTenant(parameters) {
  const wanted = parameters.get('tenant') || window.localStorage.getItem(TENANT_KEY);
  const known = knownTenants.find((tenant) => tenant.id === wanted);
  return known ? known.id : knownTenants.length ? knownTenants[0].id : null;
}

async function refreshTenants() {
  knownTenants = (await call('GET', '/tenants')).value;
  const picker = document.getElementById('tenant');
  picker.replaceChildren(...knownTenants.map((tenant) =>
    h('option', { value: tenant.id }, `${tenant.displayName || '(no name)'} · ${tenant.id}`)));
}

function chooseTenant(tenantId) {
  if (tenantId) {
    window.localStorage.setItem(TENANT_KEY, tenantId);
  }
}

async function route(focus = true) {
  if (stopView) {
    stopView();
    stopView = null;
  }
  const { name, parameters } = parseHash();
  const view = VIEWS[name];
  const tenantId = currentTenant(parameters);
  chooseTenant(tenantId);
  document.getElementById('tenant').value = tenantId || '';
  for (const link of document.querySelectorAll('#nav a')) {
    if (link.getAttribute('href') === '#/' + name) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
  document.title = `${view.title} · graphmeet console`;
  const main = document.getElementById('view');
  main.replaceChildren(h('h1', {}, view.title));
  if (view.needsTenant && !tenantId) {
    main.append(h('p', {}, 'No tenant yet: ', h('a', { href: '#/tenants' }, 'create one'), ' first.'));
  } else {
    try {
      stopView = (await view.draw(main, { tenantId, parameters, tenants: knownTenants, refreshTenants })) || null;
    } catch (error) {
      main.append(errorBox(error));
    }
  }
  if (focus) {
    main.focus();
  }
}

async function start() {
  try {
    await openSession();
    await refreshTenants();
  } catch (error) {
    document.getElementById('view').append(errorBox(error));
    return;
  }
  document.getElementById('signout').addEventListener('click', () => signOut());
  document.getElementById('tenant').addEventListener('change', (event) => {
    chooseTenant(event.target.value);
    const { name } = parseHash();
    say(`Tenant ${event.target.selectedOptions[0].textContent} chosen.`);
    if (window.location.hash === '#/' + name) {
      route(false);
    } else {
      window.location.hash = '#/' + name;
    }
  });
  window.addEventListener('hashchange', () => route(true));
  await route(false);
}

start();
