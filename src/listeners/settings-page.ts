import { escapeHtml } from '../feed/episode-notes.js';
import type { Listener } from './listener.js';

/**
 * The listener's own page, reached from their feed's link: what they follow
 * and how long their briefing is. A plain form (no script), posted back to
 * the same private URL; the token in the URL is the only credential.
 */
export function settingsPage(listener: Listener, showTitle: string, message?: string): string {
  const list = (values: string[]) => escapeHtml(values.join(', '));
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Your ${escapeHtml(showTitle)} briefing</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem}label{display:block;margin-top:1rem;font-weight:600}input,button{font:inherit;width:100%;box-sizing:border-box;padding:.4rem}button{margin-top:1.5rem}</style>
</head>
<body>
<h1>Your ${escapeHtml(showTitle)} briefing</h1>
${message ? `<p role="status">${escapeHtml(message)}</p>` : ''}
<form method="post">
<label for="topics">Topics (comma separated)</label><input id="topics" name="topics" value="${list(listener.follows.topics)}">
<label for="sources">Sources</label><input id="sources" name="sources" value="${list(listener.follows.sources)}">
<label for="people">People and places</label><input id="people" name="people" value="${list(listener.follows.people)}">
<label for="targetMinutes">Longest briefing (minutes)</label><input id="targetMinutes" name="targetMinutes" type="number" min="0.5" max="60" step="0.5" value="${listener.targetMinutes}">
<button type="submit">Save</button>
</form>
<p>Following nothing gives you the show's default briefing. Changes apply from the next briefing.</p>
</body></html>`;
}

/** The form's fields as a settings change; bad values are left to the schema to refuse. */
export function settingsFromForm(form: Record<string, string>): { follows: Listener['follows']; targetMinutes: number } {
  const terms = (value: string | undefined) => (value ?? '').split(',').map((term) => term.trim()).filter(Boolean);
  return {
    follows: { topics: terms(form.topics), sources: terms(form.sources), people: terms(form.people) },
    targetMinutes: Number(form.targetMinutes),
  };
}
