import { describe, expect, it } from 'vitest';
import { extractDateline, isCaptionLine, isKickerLine, isListHeader, stripCaptionSentences, stripKickerPrefix } from '../../src/clean/index.js';

describe('glued datelines', () => {
  it.each([
    ['Cairo, EgyptOfficials said the pumps would open.', 'Cairo, Egypt', 'Officials said the pumps would open.'],
    ['(CNN)Share, and your gift will be multiplied.', '(CNN)', 'Share, and your gift will be multiplied.'],
    ['London (Reuters)Officials said rates would hold.', 'London (Reuters)', 'Officials said rates would hold.'],
    ['Rio de Janeiro, BrazilPolice said the road was closed.', 'Rio de Janeiro, Brazil', 'Police said the road was closed.'],
    ['LONDONThe government said it would act.', 'LONDON', 'The government said it would act.'],
    ['LondonA photo of a weasel went viral.', 'London', 'A photo of a weasel went viral.'],
    ['Hong KongThe monastery opened on a hillside.', 'Hong Kong', 'The monastery opened on a hillside.'],
    ['Omaha, Nebraska (the Heartland Project)When Ryan spoke, the room fell quiet.', 'Omaha, Nebraska (the Heartland Project)', 'When Ryan spoke, the room fell quiet.'],
    ["Seyne-les-Alpes, France (CNN)It's a grim task.", 'Seyne-les-Alpes, France (CNN)', "It's a grim task."],
  ])('splits %j', (paragraph, dateline, rest) => {
    expect(extractDateline(paragraph)).toEqual({ dateline, rest });
  });

  it.each([
    'Madrid, Spain\'s capital, hosted the summit.',
    'McDonald said the deal was fair.',
    'NASAScientists is not a place.',
    'Paris, MacKenzie said, was lovely.',
    'Berlin, Germany Officials said nothing.',
    'The (AP) report was wrong.',
    'NASA astronauts returned on Friday.',
    'WhatsApp said the outage lasted two hours.',
    'London is the capital.',
    'FIFA president Sepp Blatter spoke.',
    'Paris (France) is lovely in spring.',
  ])('leaves %j alone', (paragraph) => {
    expect(extractDateline(paragraph)).toBeUndefined();
  });
});

describe('caption labels', () => {
  it.each([
    'Pictured: The flooded main street on Sunday',
    'Pictured is the crew who rescued two fishermen.',
    'Pictured, from left, the winners on stage',
    'Above: Sandbags outside the village hall',
    'Left to right: Jan Pellow, Mark Treen and Sue Hale',
    '(L-R) The mayor and the harbour master',
    'Clockwise from top left: the four finalists',
    'Devastation: Residents survey the damage on Sunday morning',
    'Happier times: The couple on their wedding day in 2019',
    'HEARTBREAK: A mother at the graveside',
  ])('removes %j', (line) => {
    expect(isCaptionLine(line)).toBe(true);
  });

  it.each([
    'The result: a tie that left both teams short.',
    'The aim was simple: Keep the bridge open while repairs went on.',
    'Her verdict was blunt: the plan had failed.',
    'Above all, the organisers wanted the race to be safe.',
    'Left to their own devices, the children built a raft.',
    'Pictures of the eclipse were shared widely online.',
    'EXCLUSIVE: The council voted on Monday to keep the library open.',
    'Update: The road has reopened.',
    'Mr Jones said: "We will rebuild."',
  ])('keeps %j', (line) => {
    expect(isCaptionLine(line)).toBe(false);
  });

  it('drops caption sentences inside story text, and nothing else', () => {
    expect(stripCaptionSentences('Forty homes were hit. Pictured: the sea wall on Sunday. Repairs start soon.')).toBe('Forty homes were hit. Repairs start soon.');
    expect(stripCaptionSentences('The pictures were striking. Above all, nobody was hurt.')).toBe('The pictures were striking. Above all, nobody was hurt.');
  });
});

describe('kickers and list headers', () => {
  it('finds capitals lines and short headings', () => {
    expect(isKickerLine('WHAT HAPPENS NEXT')).toBe(true);
    expect(isKickerLine('READ MORE')).toBe(true);
    expect(isKickerLine('СРОЧНО')).toBe(true);
    expect(isListHeader('Key points:')).toBe(true);
    expect(isListHeader('What we know so far:')).toBe(true);
  });

  it('keeps prose, quote introductions and text in scripts without case', () => {
    expect(isKickerLine('NATO leaders met in Brussels.')).toBe(false);
    expect(isKickerLine('政府は発表した')).toBe(false);
    expect(isKickerLine('US')).toBe(false);
    expect(isListHeader('The council leader told reporters:')).toBe(false);
    expect(isListHeader('Her verdict was blunt: the plan had failed.')).toBe(false);
    expect(isListHeader('In a statement on Tuesday evening, the company set out three reasons for the delay:')).toBe(false);
  });

  it('strips a capitals label before text but not a shouted headline', () => {
    expect(stripKickerPrefix('EXCLUSIVE: The council voted to keep the library.')).toBe('The council voted to keep the library.');
    expect(stripKickerPrefix('BREAKING NEWS - Two men were arrested.')).toBe('Two men were arrested.');
    expect(stripKickerPrefix('NATO ALLIES AGREE: MORE TROOPS')).toBe('NATO ALLIES AGREE: MORE TROOPS');
    expect(stripKickerPrefix('The UN: an explainer.')).toBe('The UN: an explainer.');
  });
});
