// Fault rules: the errors, latency and lost answers graphmeet plays on matching Graph requests, listed, added and
// removed through the admin API.
import { call } from './api.js';
import { button, code, errorBox, field, form, h, say, show, table } from './dom.js';

const OPERATIONS = ['createOrGet', 'create', 'get', 'list', 'update', 'delete'];

function describeMatch(match) {
  const parts = Object.entries(match || {}).filter(([, value]) => value).map(([name, value]) => `${name} ${value}`);
  return parts.length ? parts.join(', ') : 'every request';
}

function describeEffect(effect) {
  if (!effect) {
    return '';
  }
  switch (effect.type) {
    case 'error':
      return `answer ${effect.status}${effect.retryAfterSeconds ? `, Retry-After ${effect.retryAfterSeconds}s` : ''}`;
    case 'latency':
      return `add ${effect.millis} ms`;
    case 'commitThenFail':
      return effect.drop ? 'store, then drop the connection' : `store, then answer ${effect.status}`;
    default:
      return JSON.stringify(effect);
  }
}

function number(input) {
  return input.value.trim() === '' ? undefined : Number(input.value);
}

export async function faults(main, { tenantId }) {
  const errors = h('div');
  const list = h('div');
  async function redraw() {
    const rules = (await call('GET', '/faults')).value;
    show(list, table('Fault rules', ['Id', 'Matches', 'Effect', 'How often', 'Expires', 'Actions'], rules.map((rule) => [
      code(rule.id),
      describeMatch(rule.match),
      describeEffect(rule.effect),
      rule.rate !== undefined && rule.rate !== null ? `rate ${rule.rate} (seed ${rule.seed ?? 'none'})` : `next ${rule.remaining ?? rule.times} requests`,
      rule.expiresAt || '',
      button('Remove', async () => {
        try {
          await call('DELETE', `/faults/${encodeURIComponent(rule.id)}`);
          say(`Removed fault rule ${rule.id}.`);
          await redraw();
        } catch (error) {
          show(errors, errorBox(error));
        }
      }, { class: 'danger', 'aria-label': `Remove fault rule ${rule.id}` }),
    ]), 'No fault rule: every request is served as it comes.'),
    rules.length ? button('Remove all rules', async () => {
      try {
        await call('DELETE', '/faults');
        say('Removed every fault rule.');
        await redraw();
      } catch (error) {
        show(errors, errorBox(error));
      }
    }, { class: 'danger' }) : null);
  }

  const [operationField, operation] = field('Operation', { name: 'operation' }, [['', 'Any'], ...OPERATIONS.map((name) => [name, name])]);
  const [tenantField, tenant] = field('Tenant id', { name: 'tenantId', size: 38, value: tenantId || '' });
  const [appField, app] = field('App id', { name: 'appId', size: 38 });
  const [userField, user] = field('User id', { name: 'userId', size: 38 });
  const [typeField, type] = field('Effect', { name: 'type' },
    [['error', 'Answer an error'], ['latency', 'Add latency'], ['commitThenFail', 'Store, then fail the answer']]);
  const [statusField, status] = field('Status', { name: 'status' }, [['429', '429'], ['500', '500'], ['503', '503'], ['504', '504']]);
  const [retryField, retry] = field('Retry-After seconds', { name: 'retryAfterSeconds', type: 'number', min: 0 });
  const [millisField, millis] = field('Latency ms', { name: 'millis', type: 'number', min: 0 });
  const [dropField, drop] = field('Lost answer', { name: 'drop' }, [['', 'answer the status'], ['true', 'drop the connection']]);
  const [timesField, times] = field('Next N requests', { name: 'times', type: 'number', min: 1, value: '1' });
  const [rateField, rate] = field('Or a rate (0–1)', { name: 'rate', type: 'number', min: 0, max: 1, step: 'any' });
  const [seedField, seed] = field('Seed', { name: 'seed', type: 'number' });
  const [ttlField, ttl] = field('Expires after seconds', { name: 'ttlSeconds', type: 'number', min: 1, value: '600' });

  function effect() {
    switch (type.value) {
      case 'latency':
        return { type: 'latency', millis: number(millis) };
      case 'commitThenFail':
        return drop.value ? { type: 'commitThenFail', drop: true } : { type: 'commitThenFail', status: Number(status.value) };
      default:
        return { type: 'error', status: Number(status.value), retryAfterSeconds: number(retry) };
    }
  }

  main.append(h('h2', {}, 'Add a rule'),
    form({ 'aria-label': 'Add a fault rule' }, [operationField, tenantField, appField, userField, typeField, statusField,
      retryField, millisField, dropField, timesField, rateField, seedField, ttlField,
      h('button', { type: 'submit' }, 'Add rule')], async () => {
      const match = {};
      for (const [name, input] of [['operation', operation], ['tenantId', tenant], ['appId', app], ['userId', user]]) {
        if (input.value.trim()) {
          match[name] = input.value.trim();
        }
      }
      const rule = { match, effect: effect(), ttlSeconds: number(ttl) };
      if (number(rate) !== undefined) {
        rule.rate = number(rate);
        rule.seed = number(seed);
      } else {
        rule.times = number(times);
      }
      const created = await call('POST', '/faults', rule);
      say(`Added fault rule ${created.id}.`);
      await redraw();
    }, errors),
    h('p', { class: 'help' }, 'A rule applies only while it exists: it ends after its count, at its expiry, or when removed.'),
    errors, h('h2', {}, 'Rules'), list);
  try {
    await redraw();
  } catch (error) {
    show(errors, errorBox(error));
  }
}
