// The live request journal of a tenant: polled about every second for entries after the last one seen, filtered
// by status and operation, each row opening to its request and answer; a 403 row links to the explainer.
import { call, query, tenantPath } from './api.js';
import { button, code, errorBox, field, form, h, say, show } from './dom.js';

const OPERATIONS = ['createOrGet', 'create', 'get', 'list', 'update', 'delete', 'unmatched'];
const POLL_MILLIS = 1000;
const MAX_ROWS = 500;

function explainLink(tenantId, entry) {
  const user = entry.userId || (entry.caller && entry.caller.userId) || '';
  const parameters = new URLSearchParams({ tenant: tenantId, app: (entry.caller && entry.caller.appId) || '', user, operation: entry.operation || '' });
  return h('a', { href: `#/explain?${parameters}`, 'aria-label': `Why was request ${entry.sequence} denied?` }, 'Why?');
}

function pretty(value) {
  if (value === null || value === undefined) {
    return '(none)';
  }
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

export async function journal(main, { tenantId, parameters }) {
  const base = `${tenantPath(tenantId)}/requests`;
  const errors = h('div');
  const [statusField, status] = field('Status', { name: 'status', inputmode: 'numeric', pattern: '[0-9]{3}', size: 5, value: parameters.get('status') || '' });
  const [operationField, operation] = field('Operation', { name: 'operation' }, [['', 'Any'], ...OPERATIONS.map((name) => [name, name])]);
  operation.value = parameters.get('operation') || '';
  const pause = button('Pause', () => {
    const paused = pause.getAttribute('aria-pressed') !== 'true';
    pause.setAttribute('aria-pressed', String(paused));
    pause.textContent = paused ? 'Resume' : 'Pause';
    say(paused ? 'Journal paused.' : 'Journal live again.');
    if (!paused) {
      schedule(0);
    }
  }, { class: 'secondary', 'aria-pressed': 'false' });
  const clear = button('Clear journal', async () => {
    try {
      await call('DELETE', base);
      restart();
      say('Journal cleared.');
    } catch (error) {
      show(errors, errorBox(error));
    }
  }, { class: 'danger' });
  const body = h('tbody');
  const live = h('p', { class: 'help' }, 'Live: newest first, checked every second.');
  const tableElement = h('table', {},
    h('caption', {}, 'Requests to the Graph API for this tenant'),
    h('thead', {}, h('tr', {}, ['#', 'Time', 'Operation', 'Request', 'Status', 'Caller', 'ms', 'Fault', 'Details'].map((name) => h('th', { scope: 'col' }, name)))),
    body);

  let after = null;
  let timer = null;
  let stopped = false;
  let generation = 0;

  function rowsOf(entry) {
    const detailId = `journal-entry-${entry.sequence}`;
    const caller = entry.caller || {};
    const statusClass = `status-${String(entry.status).charAt(0)}`;
    const detail = h('tr', { class: 'detail', id: detailId, hidden: true },
      h('td', { colspan: 9 },
        h('p', {}, 'request-id ', code(entry.requestId), entry.clientRequestId ? [' · client-request-id ', code(entry.clientRequestId)] : null,
          entry.meetingId ? [' · meeting ', code(entry.meetingId)] : null, entry.externalId ? [' · externalId ', code(entry.externalId)] : null),
        h('h2', { class: 'minor' }, 'Request body'), h('pre', {}, pretty(entry.requestBody)),
        h('h2', { class: 'minor' }, `Answer ${entry.status}${entry.errorCode ? ' ' + entry.errorCode : ''}`), h('pre', {}, pretty(entry.responseBody))));
    const toggle = button('Details', () => {
      const open = toggle.getAttribute('aria-expanded') !== 'true';
      toggle.setAttribute('aria-expanded', String(open));
      detail.hidden = !open;
    }, { class: 'secondary', 'aria-expanded': 'false', 'aria-controls': detailId, 'aria-label': `Details of request ${entry.sequence}` });
    const row = h('tr', { 'data-sequence': entry.sequence, 'data-status': entry.status, 'data-operation': entry.operation },
      h('td', {}, String(entry.sequence)),
      h('td', {}, entry.time),
      h('td', {}, entry.operation),
      h('td', {}, h('span', { class: 'mono' }, `${entry.method} ${entry.path}`)),
      h('td', {}, h('span', { class: statusClass }, String(entry.status)), entry.errorCode ? ` ${entry.errorCode}` : '',
        entry.status === 403 ? [' ', explainLink(tenantId, entry)] : null),
      h('td', {}, caller.type === 'delegated' ? `user ${caller.userId || ''} via app ${caller.appId || ''}` : caller.appId ? `app ${caller.appId}` : ''),
      h('td', {}, entry.latencyMillis === undefined ? '' : String(entry.latencyMillis)),
      h('td', {}, entry.fault ? `${entry.fault.effect} (rule ${entry.fault.ruleId})` : ''),
      h('td', {}, toggle));
    return [row, detail];
  }

  async function poll() {
    if (stopped || pause.getAttribute('aria-pressed') === 'true') {
      return;
    }
    const asked = generation;
    try {
      const answer = await call('GET', base + query({ status: status.value, operation: operation.value, after }));
      if (stopped || asked !== generation) {
        return;
      }
      for (const entry of answer.value) {
        after = Math.max(after ?? 0, entry.sequence);
        body.prepend(...rowsOf(entry));
      }
      while (body.rows.length > MAX_ROWS * 2) {
        body.lastElementChild.remove();
      }
      errors.replaceChildren();
    } catch (error) {
      show(errors, errorBox(error));
    }
    schedule(POLL_MILLIS);
  }

  function schedule(millis) {
    window.clearTimeout(timer);
    if (!stopped) {
      timer = window.setTimeout(poll, millis);
    }
  }

  function restart() {
    generation += 1;
    after = null;
    body.replaceChildren();
    schedule(0);
  }

  main.append(form({ 'aria-label': 'Filter the journal' }, [statusField, operationField, h('button', { type: 'submit' }, 'Filter'), pause, clear],
    async () => {
      restart();
      say('Journal filter applied.');
    }, errors), live, errors, tableElement);
  await poll();
  return () => {
    stopped = true;
    window.clearTimeout(timer);
  };
}
