import { afterEach, describe, expect, it } from 'vitest';
import { createLlmWriter, type LlmWriterConfig } from '../../src/script/llm-writer.js';
import { createOpenAiChat } from '../../src/script/llm/openai-chat.js';
import { scriptDocumentSchema } from '../../src/script/script-schema.js';
import { startChatServer, type ChatServer, type ScriptedReply } from './chat-server.js';
import { briefingInput, loadArticles } from './fixtures.js';

const [tram, reuters] = loadArticles();
const input = briefingInput({ articles: [tram!, reuters!], targetSeconds: 60 });

const tramText =
  'Harbridge City Council has approved a 45 million pounds plan to extend the tram line to the airport. ' +
  'Councillors voted 38 to 11 in favour on Monday evening. ' +
  'Council leader Daniel Reyes said: "Tonight we fixed that."';
const ratesText = 'The US central bank held its benchmark interest rate at 4.5 percent on Tuesday. Consumer prices rose 2.8 percent in the year to January.';

function reply(segments: Array<{ kind: string; articleIds?: string[]; text: string; speaker?: string | null }>): ScriptedReply {
  return { content: JSON.stringify({ segments: segments.map((s) => ({ articleIds: [], speaker: null, ...s })) }) };
}

const validReply = reply([
  { kind: 'intro', text: 'This is Harbridge Morning, your briefing for Tuesday, 4 March 2025.' },
  { kind: 'story', articleIds: [reuters!.id], text: ratesText },
  { kind: 'transition', text: 'And finally.' },
  { kind: 'story', articleIds: [tram!.id], text: tramText },
  { kind: 'outro', text: 'That is all from Harbridge Morning.' },
]);

let server: ChatServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The real OpenAI adapter against a loopback server speaking the chat-completions wire format. */
async function writerWith(replies: ScriptedReply[], { timeoutMs, ...config }: Partial<LlmWriterConfig> & { timeoutMs?: number } = {}) {
  server = await startChatServer(replies);
  const chat = createOpenAiChat({ baseURL: server.baseURL, apiKey: 'test-key', model: 'test-model', ...(timeoutMs !== undefined ? { timeoutMs } : {}) });
  return createLlmWriter({ chat, ...config });
}

describe('LLM writer', () => {
  it('sends a well-formed structured-output request and returns the validated script', async () => {
    const writer = await writerWith([validReply]);
    const doc = await writer.write(input);
    expect(server!.rejected).toEqual([]);
    expect(server!.requests).toHaveLength(1);
    const body = server!.requests[0] as { model: string; messages: Array<{ content: string }> };
    expect(body.model).toBe('test-model');
    expect(body.messages[1]!.content).toContain(tram!.id);
    expect(doc.writer).toBe('llm:test-model');
    expect(scriptDocumentSchema.safeParse(doc).success).toBe(true);
    const story = doc.segments.find((s) => s.id === tram!.id)!;
    expect(story).toMatchObject({ kind: 'story', title: tram!.title, articleIds: [tram!.id], text: tramText });
    expect(doc.segments.map((s) => s.kind)).toEqual(['intro', 'story', 'transition', 'story', 'outro']);
  });

  it('drops a sentence with an invented figure and keeps the rest', async () => {
    const invented = reply([
      { kind: 'intro', text: 'This is Harbridge Morning.' },
      { kind: 'story', articleIds: [tram!.id], text: `${tramText} The line will carry 73,000 passengers a day.` },
      { kind: 'story', articleIds: [reuters!.id], text: ratesText },
      { kind: 'outro', text: 'Goodbye.' },
    ]);
    const reports: string[] = [];
    const writer = await writerWith([invented], { onAttempt: (r) => reports.push(r.outcome) });
    const doc = await writer.write(input);
    expect(doc.writer).toBe('llm:test-model');
    expect(doc.segments.find((s) => s.id === tram!.id)!.text).toBe(tramText);
    expect(reports).toEqual(['repaired (1 dropped)']);
  });

  it('replaces a script that invents too much with the extractive one', async () => {
    const invented = reply([
      { kind: 'intro', text: 'This is Harbridge Morning.' },
      { kind: 'story', articleIds: [tram!.id], text: 'Mayor Gareth Pryce cut the ribbon. Gareth Pryce called it historic.' },
      { kind: 'outro', text: 'Goodbye.' },
    ]);
    const writer = await writerWith([invented]);
    const doc = await writer.write(input);
    expect(doc.writer).toBe('extractive (fallback: ungrounded: name "Mayor Gareth Pryce" is not in the sources)');
    expect(server!.requests).toHaveLength(1);
  });

  it('retries a reply that breaks the schema, then falls back to the extractive writer', async () => {
    const broken: ScriptedReply = { content: JSON.stringify({ segments: [{ kind: 'advert', text: 'Buy now.' }] }) };
    const writer = await writerWith([broken, { content: 'not json at all' }]);
    const doc = await writer.write(input);
    expect(server!.requests).toHaveLength(2);
    expect(doc.writer).toBe('extractive (fallback: invalid output: reply is not JSON)');
    expect(doc.segments.filter((s) => s.kind === 'story').map((s) => s.id).sort()).toEqual([reuters!.id, tram!.id].sort());
  });

  it('reports the schema problem with its path when retries are used up', async () => {
    const broken: ScriptedReply = { content: JSON.stringify({ segments: [{ kind: 'advert', text: 'Buy now.', articleIds: [], speaker: null }] }) };
    const writer = await writerWith([broken], { retries: 0 });
    const doc = await writer.write(input);
    expect(doc.writer).toMatch(/^extractive \(fallback: invalid output: segments\[0\]\.kind: /);
  });

  it('gives up on a server that never answers after the configured timeout', async () => {
    const writer = await writerWith(['hang'], { retries: 0, timeoutMs: 300 });
    const doc = await writer.write(input);
    expect(doc.writer).toBe('extractive (fallback: timeout)');
    expect(server!.requests).toHaveLength(1);
  });

  it('falls back on an HTTP error and succeeds on a retry after one', async () => {
    const writer = await writerWith([{ status: 503, message: 'overloaded' }, validReply]);
    expect((await writer.write(input)).writer).toBe('llm:test-model');
    const failing = await writerWith([{ status: 401, message: 'bad key' }], { retries: 0 });
    expect((await failing.write(input)).writer).toBe('extractive (fallback: HTTP 401)');
  });

  it('gives each host of a dialogue their voice', async () => {
    const dialogue = reply([
      { kind: 'intro', speaker: 'Ana', text: 'This is Harbridge Morning. I am Ana.' },
      { kind: 'story', speaker: 'Ben', articleIds: [tram!.id], text: tramText },
      { kind: 'story', speaker: 'Ana', articleIds: [reuters!.id], text: ratesText },
      { kind: 'outro', speaker: 'Ben', text: 'Thanks for listening.' },
    ]);
    const hosts = [{ name: 'Ana', voice: 'en-gb' }, { name: 'Ben', voice: 'en-us' }];
    const writer = await writerWith([dialogue], { style: { hosts } });
    const doc = await writer.write(input);
    expect(doc.writer).toBe('llm:test-model');
    expect(doc.segments.map((s) => s.voice)).toEqual(['en-gb', 'en-us', 'en-gb', 'en-us']);
    expect((server!.requests[0] as { messages: Array<{ content: string }> }).messages[0]!.content).toContain('Two hosts, Ana and Ben');
  });

  it('frames a German show in German, whatever language the model framed it in, and asks for German', async () => {
    const de = (id: string, title: string, text: string) => ({ id, title, text, source: 'test', language: 'de' });
    const articles = [
      de('tram-de', 'Lübeck baut die Straßenbahn zum Flughafen', 'Der Stadtrat von Lübeck hat am Montag den Bau einer Straßenbahn zum Flughafen beschlossen. Die Strecke soll 2029 fertig sein.'),
      de('hafen-de', 'Neuer Fähranleger in Travemünde eröffnet', 'In Travemünde ist am Dienstag ein neuer Fähranleger eröffnet worden. Dort legen künftig die Fähren nach Schweden an.'),
    ];
    const english = reply([
      { kind: 'intro', text: 'Good morning, this is Lübeck am Morgen.' },
      { kind: 'story', articleIds: ['tram-de'], text: 'Der Stadtrat von Lübeck hat am Montag den Bau einer Straßenbahn zum Flughafen beschlossen.' },
      { kind: 'story', articleIds: ['hafen-de'], text: 'In Travemünde ist am Dienstag ein neuer Fähranleger eröffnet worden.' },
      { kind: 'outro', text: 'That is all for today.' },
    ]);
    const writer = await writerWith([english]);
    const doc = await writer.write(briefingInput({ articles, language: 'de', showTitle: 'Lübeck am Morgen', targetSeconds: 60 }));
    expect(doc.writer).toBe('llm:test-model');
    const brief = (server!.requests[0] as { messages: Array<{ content: string }> }).messages[1]!.content;
    expect(brief).toContain('Write the script in German (Deutsch).');
    expect(doc.segments.map((s) => s.kind)).toEqual(['intro', 'story', 'transition', 'story', 'outro']);
    const [intro, , transition, , outro] = doc.segments;
    // The intro names the show, the date and the stories in German; nothing of the model's English framing is left.
    expect(intro!.text).toMatch(/^Hier ist Lübeck am Morgen, .*Dienstag, 4\. März 2025\. Heute: /);
    expect(intro!.text).toContain('Lübeck');
    expect(transition!.text).toBe('Und zum Schluss.');
    expect(outro!.text).toContain('Danke fürs Zuhören');
    expect(doc.segments.map((s) => s.text).join(' ')).not.toMatch(/Good morning|That is all/);
  });

  it('keeps a dialogue\'s own framing, where the hosts\' turns are part of it, and still asks for the show language', async () => {
    const dialogue = reply([
      { kind: 'intro', speaker: 'Ana', text: 'Bonjour, ici Harbridge Morning, le mardi 4 mars 2025. Je suis Ana.' },
      { kind: 'story', speaker: 'Ben', articleIds: [tram!.id], text: tramText },
      { kind: 'outro', speaker: 'Ben', text: 'Merci de votre écoute.' },
    ]);
    const writer = await writerWith([dialogue], { style: { hosts: [{ name: 'Ana', voice: 'fr-fr' }, { name: 'Ben', voice: 'fr-fr' }] } });
    const doc = await writer.write({ ...input, language: 'fr' });
    expect(doc.writer).toBe('llm:test-model');
    // The date said in the show's language is no invented fact.
    expect(doc.segments[0]!.text).toContain('le mardi 4 mars 2025');
    expect(doc.segments[0]!.text).toContain('Je suis Ana');
    expect((server!.requests[0] as { messages: Array<{ content: string }> }).messages[1]!.content).toContain('Write the script in French (français).');
  });
});
