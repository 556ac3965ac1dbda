import type { FastifyPluginAsync } from 'fastify';

/**
 * A small producer page: pick a show, paste URLs or an article, choose voice
 * and length, submit, and watch the episode's progress by polling the API.
 * Plain HTML and a few lines of script: no build step, no third-party code.
 */
const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Briefcast studio</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1d1d1f; }
  label { display: block; margin-top: 1rem; font-weight: 600; }
  input, select, textarea, button { font: inherit; width: 100%; box-sizing: border-box; padding: .4rem; }
  textarea { min-height: 5rem; }
  .row { display: flex; gap: 1rem; } .row > * { flex: 1; }
  button { margin-top: 1.5rem; background: #0b57d0; color: #fff; border: 0; border-radius: 4px; padding: .6rem; cursor: pointer; }
  #result { margin-top: 1.5rem; padding: 1rem; background: #f3f4f6; border-radius: 4px; }
  .error { color: #b3261e; }
</style>
</head>
<body>
<h1>Briefcast studio</h1>
<form id="episode-form">
  <label for="key">API key</label>
  <input id="key" type="password" autocomplete="off" placeholder="bc_...">
  <button type="button" id="load-shows">Load shows</button>
  <label for="show">Show</label>
  <select id="show" required></select>
  <label for="urls">Article URLs (one per line)</label>
  <textarea id="urls"></textarea>
  <label for="feeds">News feed URLs (one per line)</label>
  <textarea id="feeds"></textarea>
  <label for="article-title">Article title</label>
  <input id="article-title">
  <label for="article-text">Article text</label>
  <textarea id="article-text"></textarea>
  <div class="row">
    <div><label for="voice">Voice (optional)</label><input id="voice" placeholder="en-us"></div>
    <div><label for="minutes">Target minutes</label><input id="minutes" type="number" min="0.5" max="60" step="0.5" value="3"></div>
  </div>
  <label><input id="draft" type="checkbox" style="width:auto"> Draft: stop after the script for review</label>
  <button type="submit" id="submit">Make the episode</button>
</form>
<div id="result" hidden>
  <div>Episode <code id="episode-id"></code>: <strong id="status"></strong> <span id="progress"></span></div>
  <div id="error" class="error"></div>
  <div id="warnings" style="white-space: pre-line"></div>
  <div id="links"></div>
</div>
<script type="module">
const $ = (id) => document.getElementById(id);
const key = () => $('key').value.trim();
const headers = () => ({ authorization: 'Bearer ' + key(), 'content-type': 'application/json' });
$('key').value = sessionStorage.getItem('briefcast-key') || '';
const lines = (id) => $(id).value.split('\\n').map((s) => s.trim()).filter(Boolean);
function showError(message) { $('result').hidden = false; $('error').textContent = message; }
async function loadShows() {
  sessionStorage.setItem('briefcast-key', key());
  const response = await fetch('/api/shows', { headers: headers() });
  const body = await response.json();
  if (!response.ok) return showError(body.error.message);
  $('show').replaceChildren(...body.shows.map(({ show }) => new Option(show.title + ' (' + show.id + ')', show.id)));
}
$('load-shows').addEventListener('click', () => loadShows().catch((e) => showError(String(e))));
if (key()) loadShows().catch(() => {});
function render(episode) {
  $('result').hidden = false;
  $('episode-id').textContent = episode.id;
  $('status').textContent = episode.status;
  const p = episode.progress;
  $('progress').textContent = p && p.total > 1 ? '(' + p.done + ' of ' + p.total + ')' : '';
  $('error').textContent = episode.error ? episode.error.message : '';
  $('warnings').textContent = (episode.warnings || []).map((w) => 'Warning: ' + w.message).join('\\n');
  const links = [];
  if (episode.audioUrl) links.push('<a id="audio-link" href="' + encodeURI(episode.audioUrl) + '">audio</a>');
  if (episode.transcriptUrls && episode.transcriptUrls.text) links.push('<a href="' + encodeURI(episode.transcriptUrls.text) + '">transcript</a>');
  links.push('<a href="' + encodeURI(episode.feedUrl) + '">feed</a>');
  $('links').innerHTML = links.join(' · ');
}
async function poll(showId, episodeId) {
  const response = await fetch('/api/shows/' + showId + '/episodes/' + episodeId, { headers: headers() });
  const body = await response.json();
  if (!response.ok) return showError(body.error.message);
  render(body.episode);
  if (!['published', 'failed', 'draft', 'unpublished'].includes(body.episode.status)) setTimeout(() => poll(showId, episodeId), 1000);
}
$('episode-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('error').textContent = '';
  const showId = $('show').value;
  const body = { draft: $('draft').checked };
  const urls = lines('urls'); if (urls.length) body.urls = urls;
  const feeds = lines('feeds'); if (feeds.length) body.feeds = feeds;
  const text = $('article-text').value.trim();
  if (text) body.articles = [{ ...( $('article-title').value.trim() ? { title: $('article-title').value.trim() } : {}), text }];
  if ($('voice').value.trim()) body.voice = $('voice').value.trim();
  if ($('minutes').value) body.targetMinutes = Number($('minutes').value);
  try {
    const response = await fetch('/api/shows/' + showId + '/episodes', { method: 'POST', headers: headers(), body: JSON.stringify(body) });
    const answer = await response.json();
    if (!response.ok) return showError(answer.error.message);
    render(answer.episode);
    poll(showId, answer.episode.id);
  } catch (e) { showError(String(e)); }
});
</script>
</body>
</html>
`;

export const studioPage: FastifyPluginAsync = async (app) => {
  app.get('/studio', { schema: { hide: true } }, async (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-security-policy', "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'")
      .send(PAGE),
  );
  app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/studio', 302));
};
