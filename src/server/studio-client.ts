/**
 * The studio page's script, served from /studio/app.js so the page's CSP can
 * forbid inline script and eval. Untrusted text (titles, scripts, errors) only
 * ever reaches the page through textContent, never as markup.
 */
export const STUDIO_SCRIPT = String.raw`
const $ = (id) => document.getElementById(id);
const FINAL = ['published', 'failed', 'draft', 'unpublished'];
const key = () => $('key').value.trim();
const headers = (type) => ({ authorization: 'Bearer ' + key(), ...(type ? { 'content-type': type } : {}) });
const showId = () => $('show').value;
let openEpisode = null;
let listTimer = null;
$('key').value = sessionStorage.getItem('briefcast-key') || '';
const lines = (id) => $(id).value.split('\n').map((s) => s.trim()).filter(Boolean);
const el = (tag, text, attrs) => { const node = document.createElement(tag); if (text !== undefined) node.textContent = text; Object.assign(node, attrs || {}); return node; };
function showError(message) { $('result').hidden = false; $('error').textContent = message; }
async function api(path, options) {
  const response = await fetch(path, { ...(options || {}), headers: headers(options && options.type) });
  const body = (response.headers.get('content-type') || '').startsWith('application/json') ? await response.json() : await response.text();
  if (!response.ok) throw new Error(typeof body === 'object' && body.error ? body.error.message : 'HTTP ' + response.status);
  return body;
}
const progressText = (episode) => { const p = episode.progress; return p && p.total > 1 && !FINAL.includes(episode.status) ? p.done + ' of ' + p.total : ''; };

async function loadShows() {
  sessionStorage.setItem('briefcast-key', key());
  const body = await api('/api/shows');
  $('show').replaceChildren(...body.shows.map(({ show }) => new Option(show.title + ' (' + show.id + ')', show.id)));
  await loadEpisodes();
  loadListeners().catch(listenerError);
}
$('load-shows').addEventListener('click', () => loadShows().catch((e) => showError(e.message)));
$('show').addEventListener('change', () => loadEpisodes().catch((e) => showError(e.message)));
$('refresh').addEventListener('click', () => loadEpisodes().catch((e) => showError(e.message)));
if (key()) loadShows().catch(() => {});

async function loadEpisodes() {
  clearTimeout(listTimer);
  if (!showId()) return;
  const body = await api('/api/shows/' + encodeURIComponent(showId()) + '/episodes?limit=50');
  const rows = body.episodes.map((episode) => {
    const row = el('tr', undefined, { id: 'row-' + episode.id });
    const open = el('button', 'Open', { type: 'button', className: 'small' });
    open.dataset.episode = episode.id;
    open.addEventListener('click', () => openDetail(episode.id).catch((e) => showError(e.message)));
    const warnings = (episode.warnings || []).length;
    row.append(el('td', episode.title), el('td', episode.status, { className: 'status' }), el('td', progressText(episode)), el('td', warnings ? warnings + ' warning' + (warnings > 1 ? 's' : '') : ''), el('td'));
    row.lastChild.append(open);
    return row;
  });
  $('episodes').replaceChildren(...rows);
  $('episodes-empty').hidden = rows.length > 0;
  if (body.episodes.some((episode) => !FINAL.includes(episode.status))) listTimer = setTimeout(() => loadEpisodes().catch(() => {}), 1500);
}

async function openDetail(id) {
  const path = '/api/shows/' + encodeURIComponent(showId()) + '/episodes/' + encodeURIComponent(id);
  const { episode } = await api(path);
  openEpisode = episode;
  $('detail').hidden = false;
  $('detail-title').textContent = episode.title;
  $('detail-status').textContent = episode.status;
  $('detail-progress').textContent = progressText(episode);
  $('detail-error').textContent = episode.error ? episode.error.message : '';
  $('detail-message').textContent = '';
  $('warnings').replaceChildren(...(episode.warnings || []).map((warning) => el('li', warning.message, { title: warning.code })));
  const draft = episode.status === 'draft';
  $('script').readOnly = !draft;
  $('save-script').hidden = !draft;
  $('approve').hidden = !draft;
  $('script').value = FINAL.includes(episode.status) || episode.script ? await api(path + '/script?format=text').catch(() => '') : '';
  $('cost').textContent = '';
  if (draft) await showCost(path);
  const audio = $('player');
  $('player-box').hidden = !episode.audioUrl;
  $('player-state').textContent = '';
  if (episode.audioUrl && audio.getAttribute('src') !== episode.audioUrl) audio.src = episode.audioUrl;
  if (!FINAL.includes(episode.status)) setTimeout(() => openEpisode && openEpisode.id === id && openDetail(id).catch(() => {}), 1500);
}

async function showCost(path) {
  const { cost } = await api(path + '/cost');
  const unpriced = cost.unpricedProviders.length ? ' plus ' + cost.unpricedProviders.join(', ') + ' (no price known)' : '';
  const price = (cost.estimatedCostUsd === 0 && !unpriced ? 'free (offline voices)' : 'about $' + cost.estimatedCostUsd.toFixed(4)) + unpriced;
  $('cost').textContent = cost.characters + ' characters to synthesise in ' + (cost.segments - cost.cachedSegments) + ' segments (' + cost.cachedSegments + ' cached): ' + price;
}

$('save-script').addEventListener('click', async () => {
  const path = '/api/shows/' + encodeURIComponent(showId()) + '/episodes/' + encodeURIComponent(openEpisode.id);
  try {
    await api(path + '/script', { method: 'PUT', type: 'text/plain; charset=utf-8', body: $('script').value });
    await openDetail(openEpisode.id);
    $('detail-message').textContent = 'Script saved.';
  } catch (e) { $('detail-error').textContent = e.message; }
});
$('approve').addEventListener('click', async () => {
  const path = '/api/shows/' + encodeURIComponent(showId()) + '/episodes/' + encodeURIComponent(openEpisode.id);
  try {
    await api(path + '/approve', { method: 'POST' });
    await openDetail(openEpisode.id);
    await loadEpisodes();
  } catch (e) { $('detail-error').textContent = e.message; }
});
const player = $('player');
$('play').addEventListener('click', () => player.play().catch((e) => { $('player-state').textContent = 'cannot play: ' + e.message; }));
player.addEventListener('playing', () => { $('player-state').textContent = 'playing'; });
player.addEventListener('timeupdate', () => { if (player.currentTime > 0.5) $('player-state').textContent = 'played ' + player.currentTime.toFixed(1) + ' s'; });
player.addEventListener('error', () => { $('player-state').textContent = 'cannot play this audio'; });

function render(episode) {
  $('result').hidden = false;
  $('episode-id').textContent = episode.id;
  $('status').textContent = episode.status;
  $('progress').textContent = progressText(episode) ? '(' + progressText(episode) + ')' : '';
  $('error').textContent = episode.error ? episode.error.message : '';
  const links = [];
  if (episode.audioUrl) links.push(el('a', 'audio', { id: 'audio-link', href: episode.audioUrl }));
  if (episode.transcriptUrls && episode.transcriptUrls.text) links.push(el('a', 'transcript', { href: episode.transcriptUrls.text }));
  links.push(el('a', 'feed', { href: episode.feedUrl }));
  $('links').replaceChildren(...links.flatMap((link, i) => (i ? [' · ', link] : [link])));
}
async function poll(show, episodeId) {
  try {
    const body = await api('/api/shows/' + show + '/episodes/' + episodeId);
    render(body.episode);
    if (!FINAL.includes(body.episode.status)) setTimeout(() => poll(show, episodeId), 1000);
    else loadEpisodes().catch(() => {});
  } catch (e) { showError(e.message); }
}
const listenersPath = () => '/api/shows/' + encodeURIComponent(showId()) + '/listeners';
function listenerError(e) { $('listener-error').textContent = e.message; }
function showFeedUrl(answer) { $('listener-feed').hidden = false; $('listener-feed-url').textContent = answer.feedUrl; }
async function loadListeners() {
  if (!showId()) return;
  const { listeners } = await api(listenersPath());
  $('listener-rows').replaceChildren(...listeners.map((listener) => {
    const row = el('tr', undefined, { id: 'listener-' + listener.id });
    const follows = [...listener.follows.topics, ...listener.follows.sources, ...listener.follows.people].join(', ');
    const rotate = el('button', 'New URL', { type: 'button', className: 'small rotate' });
    rotate.addEventListener('click', async () => {
      try { showFeedUrl(await api(listenersPath() + '/' + encodeURIComponent(listener.id) + '/rotate', { method: 'POST' })); } catch (e) { listenerError(e); }
    });
    const remove = el('button', 'Remove', { type: 'button', className: 'small remove' });
    remove.addEventListener('click', async () => {
      try { await api(listenersPath() + '/' + encodeURIComponent(listener.id), { method: 'DELETE' }); await loadListeners(); } catch (e) { listenerError(e); }
    });
    row.append(el('td', listener.name || ''), el('td', follows || '(the show briefing)'), el('td', String(listener.targetMinutes)), el('td', listener.timeZone), el('td'));
    row.lastChild.append(rotate, ' ', remove);
    return row;
  }));
}
$('refresh-listeners').addEventListener('click', () => loadListeners().catch(listenerError));
$('show').addEventListener('change', () => loadListeners().catch(listenerError));
$('listener-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('listener-error').textContent = '';
  const topics = $('listener-topics').value.split(',').map((s) => s.trim()).filter(Boolean);
  const body = { follows: { topics }, targetMinutes: Number($('listener-minutes').value), timeZone: $('listener-zone').value.trim() || 'UTC' };
  if ($('listener-name').value.trim()) body.name = $('listener-name').value.trim();
  try {
    showFeedUrl(await api(listenersPath(), { method: 'POST', type: 'application/json', body: JSON.stringify(body) }));
    await loadListeners();
  } catch (e) { listenerError(e); }
});
$('episode-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('error').textContent = '';
  const body = { draft: $('draft').checked };
  const urls = lines('urls'); if (urls.length) body.urls = urls;
  const feeds = lines('feeds'); if (feeds.length) body.feeds = feeds;
  const text = $('article-text').value.trim();
  if (text) body.articles = [{ ...($('article-title').value.trim() ? { title: $('article-title').value.trim() } : {}), text }];
  if ($('voice').value.trim()) body.voice = $('voice').value.trim();
  if ($('minutes').value) body.targetMinutes = Number($('minutes').value);
  try {
    const answer = await api('/api/shows/' + showId() + '/episodes', { method: 'POST', type: 'application/json', body: JSON.stringify(body) });
    render(answer.episode);
    loadEpisodes().catch(() => {});
    poll(showId(), answer.episode.id);
  } catch (e) { showError(e.message); }
});
`;
