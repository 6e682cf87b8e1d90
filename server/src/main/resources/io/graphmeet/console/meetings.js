// A tenant's meetings, searched by externalId, organizer or joinWebUrl, each with a link to its join page.
import { call, query, tenantPath } from './api.js';
import { button, code, errorBox, field, form, h, say, show, table } from './dom.js';

const PAGE = 50;

function organizerOf(meeting) {
  const organizer = meeting.participants && meeting.participants.organizer;
  if (!organizer) {
    return '';
  }
  const user = organizer.identity && organizer.identity.user;
  return organizer.upn || (user && (user.displayName || user.id)) || '';
}

export async function meetings(main, { tenantId, parameters }) {
  const base = tenantPath(tenantId);
  const errors = h('div');
  const results = h('div');
  const [externalIdField, externalId] = field('externalId', { name: 'externalId', value: parameters.get('externalId') || '' });
  const [organizerField, organizer] = field('Organizer (user id or UPN)', { name: 'organizer', value: parameters.get('organizer') || '' });
  const [joinField, joinWebUrl] = field('joinWebUrl', { name: 'joinWebUrl', size: 40, value: parameters.get('joinWebUrl') || '' });

  let rows = [];
  function draw(nextLink) {
    show(results, table(`Meetings of the tenant (${rows.length}${nextLink ? '+' : ''})`,
      ['Subject', 'Start', 'End', 'Organizer', 'externalId', 'Join page', 'Actions'], rows,
      'No meeting matches.'),
    nextLink ? button('Show more', () => load(nextLink), { class: 'secondary' }) : null);
  }
  function row(meeting) {
    return [
      meeting.subject || '(no subject)',
      meeting.startDateTime || '',
      meeting.endDateTime || '',
      organizerOf(meeting),
      meeting.externalId ? code(meeting.externalId) : '',
      meeting.joinWebUrl ? h('a', { href: meeting.joinWebUrl, 'aria-label': `Join page of ${meeting.subject || meeting.id}` }, 'Join page') : '',
      button('Delete', async () => {
        if (!window.confirm(`Delete the meeting ${meeting.subject || meeting.id}?`)) {
          return;
        }
        try {
          await call('DELETE', `${base}/meetings/${encodeURIComponent(meeting.id)}`);
          say('Deleted the meeting.');
          await search();
        } catch (error) {
          show(errors, errorBox(error));
        }
      }, { class: 'danger', 'aria-label': `Delete meeting ${meeting.subject || meeting.id}` }),
    ];
  }
  async function load(nextLink) {
    const path = new URL(nextLink, window.location.href);
    const answer = await call('GET', path.pathname.replace(/^\/admin\/v1/, '') + path.search);
    rows = rows.concat(answer.value.map(row));
    draw(answer['@odata.nextLink']);
  }
  async function search() {
    errors.replaceChildren();
    const answer = await call('GET', `${base}/meetings${query({
      externalId: externalId.value, organizer: organizer.value, joinWebUrl: joinWebUrl.value, top: PAGE,
    })}`);
    rows = answer.value.map(row);
    draw(answer['@odata.nextLink']);
    say(`${rows.length} meeting${rows.length === 1 ? '' : 's'} found.`);
  }
  main.append(form({ role: 'search', 'aria-label': 'Search meetings' }, [externalIdField, organizerField, joinField,
    h('button', { type: 'submit' }, 'Search')], search, errors), errors, results);
  try {
    await search();
  } catch (error) {
    show(errors, errorBox(error));
  }
}
