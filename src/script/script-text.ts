/**
 * A plain-text form of a script that a producer can edit in any editor:
 *
 *   # Show title
 *   > date: 2025-03-04
 *   > language: en
 *   > writer: extractive
 *
 *   ## [story 3f2a9c] Headline of the story
 *   > articles: 3f2a9c
 *   > source: Headline | BBC News | https://...
 *   One sentence per line; lines are joined with spaces when read back.
 *
 * Ids live in the bracketed headers, so words can be changed freely.
 */
import { BriefcastError, ErrorCodes } from '../core/errors.js';
import type { ScriptDocument, ScriptSegment, SegmentKind, SourceRef } from '../core/types.js';
import { parseScriptDocument } from './script-schema.js';

const KINDS: readonly SegmentKind[] = ['intro', 'story', 'transition', 'outro'];
const SECTION = /^##\s+\[(\w+)\s+([^\s\]]+)\]\s*(.*)$/;
const META = /^>\s*([a-z]+)\s*:\s*(.*)$/i;

function escapeField(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
}

function splitFields(value: string): string[] {
  const fields: string[] = [''];
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] ?? '';
    if (ch === '\\' && i + 1 < value.length) fields[fields.length - 1] += value[++i] ?? '';
    else if (ch === '|') fields.push('');
    else fields[fields.length - 1] += ch;
  }
  return fields.map((f) => f.trim());
}

function renderSource(source: SourceRef): string {
  const fields = [source.title, source.siteName ?? '', source.url ?? ''].map(escapeField);
  while (fields.length > 1 && fields[fields.length - 1] === '') fields.pop();
  return `> source: ${fields.join(' | ')}`;
}

/** One sentence per line; a line that would look like markup is escaped with a backslash. */
function renderText(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/([.!?]["'”’]?) (?=["“]?[A-Z0-9])/g, '$1\n')
    .split('\n')
    .map((line) => (/^[#>\\]/.test(line) ? `\\${line}` : line));
}

export function renderScriptText(doc: ScriptDocument): string {
  const lines = [`# ${doc.showTitle}`, `> date: ${doc.date}`, `> language: ${doc.language}`, `> writer: ${doc.writer}`];
  for (const segment of doc.segments) {
    lines.push('', `## [${segment.kind} ${segment.id}]${segment.title ? ` ${segment.title}` : ''}`);
    if (segment.articleIds) lines.push(`> articles: ${segment.articleIds.join(', ')}`);
    for (const source of segment.sources ?? []) lines.push(renderSource(source));
    if (segment.voice) lines.push(`> voice: ${segment.voice}`);
    if (segment.language) lines.push(`> language: ${segment.language}`);
    lines.push(...renderText(segment.text));
  }
  return `${lines.join('\n')}\n`;
}

function invalid(lineNo: number, message: string, subject?: string): never {
  throw new BriefcastError(ErrorCodes.SCRIPT_INVALID, `line ${lineNo}: ${message}`, subject ? { subject } : {});
}

interface Draft {
  segment: Partial<ScriptSegment> & { kind: SegmentKind; id: string };
  text: string[];
}

/** Reads the text form back; the result is validated like a JSON script. */
export function parseScriptText(text: string, subject?: string): ScriptDocument {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header: Record<string, string> = {};
  let showTitle: string | undefined;
  const drafts: Draft[] = [];
  lines.forEach((line, index) => {
    const lineNo = index + 1;
    const trimmed = line.trim();
    const current = drafts[drafts.length - 1];
    if (trimmed === '' || trimmed.startsWith('<!--')) return;
    if (showTitle === undefined) {
      if (!trimmed.startsWith('# ')) invalid(lineNo, 'expected the show title as "# Title"', subject);
      showTitle = trimmed.slice(2).trim();
      return;
    }
    const section = SECTION.exec(trimmed);
    if (section) {
      const [, kind = '', id = '', title = ''] = section;
      if (!KINDS.includes(kind as SegmentKind)) invalid(lineNo, `unknown segment kind "${kind}" (use ${KINDS.join(', ')})`, subject);
      drafts.push({ segment: { id, kind: kind as SegmentKind, ...(title.trim() ? { title: title.trim() } : {}) }, text: [] });
      return;
    }
    if (trimmed.startsWith('#')) invalid(lineNo, 'a section header must look like "## [story <id>] Headline"', subject);
    const meta = META.exec(trimmed);
    if (meta) {
      const key = (meta[1] ?? '').toLowerCase();
      const value = (meta[2] ?? '').trim();
      if (!current) {
        if (!['date', 'language', 'writer'].includes(key)) invalid(lineNo, `unknown header field "${key}"`, subject);
        header[key] = value;
      } else if (key === 'articles') current.segment.articleIds = value.split(/[,\s]+/).filter(Boolean);
      else if (key === 'voice') current.segment.voice = value;
      else if (key === 'language') current.segment.language = value;
      else if (key === 'source') {
        const [title = '', siteName = '', url = ''] = splitFields(value);
        const source: SourceRef = { title, ...(siteName ? { siteName } : {}), ...(url ? { url } : {}) };
        current.segment.sources = [...(current.segment.sources ?? []), source];
      } else invalid(lineNo, `unknown segment field "${key}" (use articles, source, voice, language)`, subject);
      return;
    }
    if (!current) invalid(lineNo, 'text before the first "## [kind id]" section', subject);
    current.text.push(trimmed.startsWith('\\') ? trimmed.slice(1) : trimmed);
  });
  if (showTitle === undefined) invalid(1, 'the script is empty', subject);
  const segments = drafts.map(({ segment, text: words }) => ({ ...segment, text: words.join(' ').replace(/\s+/g, ' ').trim() }));
  return parseScriptDocument({ version: 1, showTitle, ...header, segments }, subject);
}
