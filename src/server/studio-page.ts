import type { FastifyPluginAsync } from 'fastify';

import { STUDIO_SCRIPT } from './studio-client.js';

/**
 * A small producer page: pick a show, see its episodes (status, progress,
 * warnings), open one to read or edit a draft's script, see what synthesis will
 * cost, approve it, or play a published episode; or make a new episode from
 * URLs or an article. Plain HTML and one script file: no build step, no
 * third-party code, and a CSP with no inline script or eval.
 */
const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Briefcast studio</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1d1d1f; }
  label { display: block; margin-top: 1rem; font-weight: 600; }
  input, select, textarea, button { font: inherit; width: 100%; box-sizing: border-box; padding: .4rem; }
  textarea { min-height: 5rem; }
  .row { display: flex; gap: 1rem; } .row > * { flex: 1; }
  button { margin-top: 1.5rem; background: #0b57d0; color: #fff; border: 0; border-radius: 4px; padding: .6rem; cursor: pointer; }
  #result { margin-top: 1.5rem; padding: 1rem; background: #f3f4f6; border-radius: 4px; }
  .error { color: #b3261e; }
  table { width: 100%; border-collapse: collapse; margin-top: .5rem; } td, th { text-align: left; padding: .3rem; border-bottom: 1px solid #e5e7eb; vertical-align: top; }
  button.small { width: auto; margin: 0; padding: .2rem .6rem; font-size: 14px; vertical-align: middle; }
  #detail { margin-top: 1.5rem; padding: 1rem; border: 1px solid #d1d5db; border-radius: 4px; }
  #script { min-height: 16rem; font-family: ui-monospace, monospace; font-size: 14px; }
  .warnings li { color: #8a5300; }
  audio { width: 100%; margin-top: .5rem; }
</style>
</head>
<body>
<h1>Briefcast studio</h1>
<section id="access">
  <label for="key">API key</label>
  <input id="key" type="password" autocomplete="off" placeholder="bc_...">
  <button type="button" id="load-shows">Load shows</button>
  <label for="show">Show</label>
  <select id="show" required></select>
</section>
<section id="episode-list">
  <h2>Episodes <button type="button" id="refresh" class="small">Refresh</button></h2>
  <table><thead><tr><th>Title</th><th>Status</th><th>Progress</th><th>Warnings</th><th></th></tr></thead><tbody id="episodes"></tbody></table>
  <p id="episodes-empty">No episodes yet: load a show, or make one below.</p>
</section>
<section id="detail" hidden>
  <h2 id="detail-title"></h2>
  <div>Status: <strong id="detail-status"></strong> <span id="detail-progress"></span></div>
  <div id="detail-error" class="error"></div>
  <div id="detail-message"></div>
  <ul id="warnings" class="warnings"></ul>
  <div id="cost"></div>
  <div id="player-box" hidden><audio id="player" controls preload="metadata"></audio><button type="button" id="play" class="small">Play</button> <span id="player-state"></span></div>
  <label for="script">Script (edit a draft, then save; approve to make the audio)</label>
  <textarea id="script" spellcheck="true"></textarea>
  <div class="row"><button type="button" id="save-script">Save script</button><button type="button" id="approve">Approve and publish</button></div>
</section>
<section id="listeners">
  <h2>Listeners <button type="button" id="refresh-listeners" class="small">Refresh</button></h2>
  <table><thead><tr><th>Name</th><th>Follows</th><th>Minutes</th><th>Time zone</th><th></th></tr></thead><tbody id="listener-rows"></tbody></table>
  <form id="listener-form">
    <div class="row">
      <div><label for="listener-name">Name (for the greeting)</label><input id="listener-name"></div>
      <div><label for="listener-topics">Topics (comma-separated)</label><input id="listener-topics"></div>
    </div>
    <div class="row">
      <div><label for="listener-minutes">Minutes</label><input id="listener-minutes" type="number" min="0.5" max="60" step="0.5" value="10"></div>
      <div><label for="listener-zone">Time zone</label><input id="listener-zone" value="UTC"></div>
    </div>
    <button type="submit" id="add-listener">Add listener</button>
  </form>
  <div id="listener-feed" hidden>Private feed URL (shown once; give it to the listener): <code id="listener-feed-url"></code></div>
  <div id="listener-error" class="error"></div>
</section>
<h2>New episode</h2>
<form id="episode-form">
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
  <div id="links"></div>
</div>
<script type="module" src="/studio/app.js"></script>
</body>
</html>
`;

/** A microphone on the studio's blue, drawn as SVG. */
const FAVICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="#0b57d0"/><rect x="24" y="10" width="16" height="28" rx="8" fill="#fff"/><path d="M16 30a16 16 0 0 0 32 0" fill="none" stroke="#fff" stroke-width="4"/><path d="M32 46v8M22 54h20" stroke="#fff" stroke-width="4"/></svg>`;

// Audio may come from a CDN (BRIEFCAST_PUBLIC_URL), so media may load from any http(s) origin; script only from here.
const CSP = "default-src 'self'; script-src 'self'; style-src 'unsafe-inline'; media-src 'self' https: http:; img-src 'self'";

export const studioPage: FastifyPluginAsync = async (app) => {
  app.get('/studio', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').header('content-security-policy', CSP).send(PAGE),
  );
  app.get('/studio/app.js', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-store').send(STUDIO_SCRIPT),
  );
  for (const path of ['/favicon.svg', '/favicon.ico']) {
    app.get(path, { schema: { hide: true } }, async (_request, reply) =>
      reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(FAVICON),
    );
  }
  app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/studio', 302));
};
