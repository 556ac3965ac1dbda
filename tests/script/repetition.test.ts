import { describe, expect, it } from 'vitest';
import { createExtractiveWriter } from '../../src/script/extractive-writer.js';
import { leadCarriesHeadline, nearIdentical, storyLabel } from '../../src/script/repetition.js';
import { splitSentences } from '../../src/script/sentences.js';
import { checkScript } from '../../src/ear-check/index.js';
import { briefingInput, loadArticles } from './fixtures.js';

const writer = createExtractiveWriter({ order: 'given' });

describe('saying each thing once', () => {
  it('labels stories by key terms, not by the words the story opens with', () => {
    expect(storyLabel('Water bills in Eastmoor to rise by 6 percent from April')).toBe('Water bills');
    expect(storyLabel('Night trains return to the coast line')).toBe('Night trains');
    expect(storyLabel('Minister resigns: "I have no regrets"')).toBe('Minister resigns');
    expect(storyLabel('Zully Broussard decided to give a kidney to a stranger')).toBe('Zully Broussard');
    expect(storyLabel('The 20th MLS season begins this weekend')).toBe('MLS');
    expect(storyLabel('The Pakistani Taliban claims responsibility for the bombings')).toBe('Pakistani Taliban');
    expect(storyLabel('Vote')).toBe('Vote');
  });

  it('makes labels that read as noun phrases: never ending on a verb, a possessive or half a name', () => {
    const label = (headline: string, body: string) => storyLabel(headline, { body });
    // Verbs by headline grammar: -ed, -s after a singular word, a bare word after a plural.
    expect(label('Firefighters rescued two climbers from Ben Lomond', 'Two climbers were rescued by firefighters overnight.')).toBe('Firefighters');
    expect(label('Portugal wins the rowing final in Lisbon', 'Portugal won gold. The crew from Portugal trained in Porto.')).toBe('Portugal');
    expect(label('Nurses walk out over unpaid overtime', 'Nurses at two hospitals walked out on Monday.')).toBe('Nurses');
    expect(label('Harbridge Athletic won the county cup', 'Harbridge Athletic beat Kingsford.')).toBe('Harbridge Athletic');
    expect(label('Coastguard crews sued over rescue delay', 'Relatives sued the coastguard crews who arrived late.')).toBe('Coastguard crews');
    expect(label('Police appeal for witnesses to the crash', 'Officers want to speak to drivers.')).toBe('Police');
    // A lone generic subject gives way to the object when that names no one.
    expect(label('Divers map sunken wooden warship off the coast', 'A team of divers has mapped a sunken wooden warship.')).toBe('sunken wooden warship');
    expect(label('Volunteers decided to plant more trees', 'The volunteers decided on a plan.')).toBe('Volunteers');
    // Possessives and names cut by the word limit.
    expect(label("Norway's longest tunnel opens", "Norway's longest road tunnel opened on Friday.")).toBe("Norway's longest tunnel");
    expect(label("Norway's most scenic road reopens", 'The road in Norway reopened.')).toBe('Norway');
    expect(label('Chess champion Ilse Marten Vogt retires', 'The chess champion Ilse Marten Vogt said she would retire.')).toBe('Chess champion');
    // A single capitalised word modifies the noun after it; a full name stands alone before its verb.
    expect(label('Three Danish sailors found safe', 'Three Danish sailors were found safe after a Danish trawler spotted them.')).toBe('Danish sailors');
    expect(label('Anna Lindqvist wins harbour seat', 'Anna Lindqvist won the seat.')).toBe('Anna Lindqvist');
    // An opening adverbial is no subject: the next clause has it; a comma inside the subject's own clause changes nothing.
    expect(label('According to a new survey, most cyclists in Harbridge feel unsafe', 'Most cyclists feel unsafe, a survey found.')).toBe('cyclists');
    expect(label('After months of talks, Eastmoor Rovers sign a new striker', 'Eastmoor Rovers signed a striker.')).toBe('Eastmoor Rovers');
    expect(label('Inflation, rents and fuel squeeze family budgets', 'Inflation rose again.')).toBe('Inflation');
    // A function word the article writes as part of a name stays; an article before a name goes.
    expect(label('New Zealand farmers protest over water rules', 'Farmers across New Zealand marched.')).toBe('New Zealand');
    expect(label('The Harbridge Players stage a new comedy', 'The troupe, known as the Harbridge Players, opens tonight.')).toBe('Harbridge Players');
    // Look-alikes that must survive: plural nouns the article uses as nouns, a name ending in -s, a compound noun.
    expect(label('Bus fares rise for the third time', 'Bus fares will rise again. The fares went up twice last year.')).toBe('Bus fares');
    expect(label('Marta Rodrigues opens her first gallery', 'Marta Rodrigues opened a gallery.')).toBe('Marta Rodrigues');
    expect(label('Coastal flood defences finished early', 'The flood defences along the coast are finished.')).toBe('Coastal flood defences');
  });

  it('labels German stories by their leading nouns and French, Spanish and Russian ones by the name in the headline', () => {
    expect(storyLabel('Bürgerschaft beschließt neues Hafenbecken', { language: 'de' })).toBe('Bürgerschaft');
    expect(storyLabel('Die Deutsche Bahn erhöht die Preise', { language: 'de' })).toBe('Deutsche Bahn');
    expect(storyLabel('Le port de Sète accueille un paquebot géant', { language: 'fr' })).toBe('Sète');
    expect(storyLabel('El alcalde de Cádiz presenta su dimisión', { language: 'es' })).toBe('Cádiz');
    expect(storyLabel('Компания «Аэрофлот» отменила рейсы в Сочи', { language: 'ru' })).toBe('Аэрофлот');
    expect(storyLabel('В городе Озёрск открыли новый мост', { language: 'ru' })).toBe('Озёрск');
    // A Russian name right after a preposition is declined: the phrase stays whole.
    expect(storyLabel('В Казани открыли новую линию метро', { language: 'ru' })).toBe('В Казани');
    // No name: the subject, as before ("La grève continue" has none to offer).
    expect(storyLabel('La grève continue', { language: 'fr' })).toBe('La grève');
  });

  it('tells near-identical sentences from merely related ones', () => {
    expect(nearIdentical('Water bills will rise by 6 percent.', 'Water bills will rise by 6 percent from April, the supplier said.')).toBe(true);
    expect(nearIdentical('Water bills will rise by 6 percent.', 'A typical household will pay 28 pounds more.')).toBe(false);
    expect(leadCarriesHeadline('Water bills in Eastmoor to rise by 6 percent', 'Water bills in Eastmoor will rise by 6 percent from April.')).toBe(true);
    expect(leadCarriesHeadline('Night trains return to the coast line', 'Overnight services will run again from May.')).toBe(false);
  });

  it('speaks a headline once per story, never two near-identical sentences in a row, and a one-line article once', async () => {
    const articles = loadArticles('writer/repetition.json');
    for (const targetSeconds of [60, 120, 180]) {
      const doc = await writer.write(briefingInput({ articles, targetSeconds }));
      const intro = doc.segments[0]!.text;
      for (const story of doc.segments.filter((s) => s.kind === 'story')) {
        const sentences = splitSentences(story.text);
        for (let i = 1; i < sentences.length; i++) expect(nearIdentical(sentences[i - 1]!, sentences[i]!)).toBe(false);
        // The intro never reads a whole headline of more than a few words.
        if ((story.title ?? '').split(' ').length > 6) expect(intro).not.toContain((story.title ?? '').replace(/\.$/, ''));
      }
      const oneLine = doc.segments.find((s) => s.id === 'one-line')!;
      expect(oneLine.text).toBe('Eastmoor Rovers sign goalkeeper Tom Adeyemi.');
      const restated = doc.segments.find((s) => s.id === 'restated')!;
      expect(restated.text.match(/rise by 6 percent/g)).toHaveLength(1);
      // A headline the lead does not carry is read as its own sentence first.
      expect(doc.segments.find((s) => s.id === 'headline-first')!.text).toMatch(/^Night trains return to the coast line\. Overnight/);
    }
  });
});

describe('a story opening that stands on its own', () => {
  const article = (id: string, title: string, text: string) => ({ id, title, text, source: 'test' });

  it('never opens on a pronoun the headline does not resolve, nor reads the intro label twice', async () => {
    const articles = [
      article('scam', 'Phone scam has cost victims dearly since spring',
        'They are very convincing when they call from a local number. Police in Eastmoor say a phone scam has taken 2 million pounds from pensioners since April. Callers claim to be from the tax office and demand payment by gift card. Officers urged people to hang up and ring the bank on a number they know.'),
      article('trams', 'Night trains return to the coast line',
        'Night trains return to the coast line from May, the operator said on Monday. The late services were cut in 2020 when passenger numbers fell. Trains will leave the city at midnight and at two in the morning on Fridays and Saturdays.'),
    ];
    const doc = await writer.write(briefingInput({ articles, targetSeconds: 90 }));
    const scam = doc.segments.find((s) => s.id === 'scam')!;
    expect(scam.text).not.toMatch(/They are very convincing/);
    expect(scam.text).toMatch(/^Phone scam has cost victims dearly since spring\. Police in Eastmoor/);
    const report = checkScript(doc);
    expect(report.findings.filter((f) => f.code === 'repetition' || f.code === 'context-opener')).toEqual([]);
  });

  it('reads a headline that points back after the lead, not before it', async () => {
    const articles = [
      article('strikes', '"These strikes are precise," the general says',
        'Air strikes began on Wednesday near the northern city of Tallow, where government forces are fighting rebels. "These strikes are intended to be precise," General Ama Okoro told reporters. Residents said they heard explosions through the night.'),
    ];
    const doc = await writer.write(briefingInput({ articles, targetSeconds: 60 }));
    const story = doc.segments.find((s) => s.id === 'strikes')!;
    expect(story.text).toMatch(/^Air strikes began on Wednesday/);
    expect(checkScript(doc).counts['context-opener']).toBe(0);
  });

  it('reads a headline once: not after a lead passage that says it, not when the story reads its quotation, not again later', async () => {
    const articles = [
      // The headline points back ("This ...") so it would follow the lead passage, whose last sentence says it.
      article('guide', 'This guide lists every polling station in Eastmoor',
        'Voters in Eastmoor go to the polls on Thursday to choose three councillors. Stations open at seven and close at ten. On this page you will find a guide that lists every polling station in the town. Results are expected by Friday lunchtime.'),
      // A headline that quotes the story: the quotation is read with its speaker, so the headline is not read too.
      article('quoted', '"We will reopen the pier by summer," the council leader says',
        'The pier at Westhaven has been closed since a storm cracked its supports in January. "It has been a hard winter," council leader Priya Natt said, "but we will reopen the pier by summer, whatever it takes." Engineers began work on Monday.'),
      // A headline the lead does not carry, restated by a later sentence that is not next to it.
      article('ferry', 'Island ferry fares to rise by a fifth in April',
        'The operator of the Harbridge island ferry has written to season ticket holders. It blamed fuel and insurance costs. Ferry fares to the island will rise by a fifth in April, the letter says. Pensioners keep their free passes.'),
    ];
    const doc = await writer.write(briefingInput({ articles, targetSeconds: 120 }));
    const text = (id: string) => doc.segments.find((s) => s.id === id)!.text;
    expect(text('guide').match(/polling station/g)).toHaveLength(1);
    expect(text('quoted').match(/reopen the pier by summer/g)).toHaveLength(1);
    expect(text('quoted')).toMatch(/council leader Priya Natt said/);
    expect(text('ferry').match(/by a fifth in April/g)).toHaveLength(1);
    expect(checkScript(doc).counts.repetition).toBe(0);
  });

  it('reads a headline that opens with a concession after the lead, and keeps "So far" as written', async () => {
    const articles = [
      article('concession', '"Although it is late, we are sorry," the rail firm says',
        'Eastmoor Rail has apologised to passengers for a winter of cancelled trains. "Although it is late, we are sorry," its chief executive Dan Ode said at a meeting in the town hall on Tuesday. Compensation claims open next week.'),
      article('so-far', 'So far, eleven homes have been flooded in Lowbridge',
        'The river Lowe burst its banks on Sunday night after two days of rain. So far, eleven homes have been flooded in Lowbridge, the council said. So many roads are closed that buses have stopped running.'),
    ];
    const doc = await writer.write(briefingInput({ articles, targetSeconds: 90 }));
    const concession = doc.segments.find((s) => s.id === 'concession')!.text;
    expect(concession).toMatch(/^Eastmoor Rail has apologised/);
    expect(concession.match(/Although it is late/g)).toHaveLength(1);
    const soFar = doc.segments.find((s) => s.id === 'so-far')!.text;
    expect(soFar).toMatch(/^So far, eleven homes/);
    expect(soFar).not.toMatch(/\bFar, eleven|\bMany roads/);
    const report = checkScript(doc);
    expect(report.counts['context-opener'] + report.counts.repetition).toBe(0);
  });
});
