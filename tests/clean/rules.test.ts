import { describe, expect, it } from 'vitest';
import {
  extractByline,
  extractDateline,
  isAltTextLine,
  isCaptionLine,
  isCreditLine,
  isPromoParagraph,
  isPromoSentence,
  isRelatedLine,
  isShareBar,
  isStaffFooter,
  isTeaserLine,
  isTimestampLine,
  paragraphRules,
  splitTrailingCredit,
  stripParentheticalCredits,
  stripPromoSentences,
} from '../../src/clean/index.js';

describe('credit rules', () => {
  it.each([
    'Credit: AP',
    'Photo: Reuters',
    '(Getty Images)',
    'Image copyright',
    'Image copyright Getty Images',
    'Photograph: Jane Doe/Reuters',
    'Image source, EPA',
    'Picture credit: Sam Hill',
    'AP Photo/Jane Doe',
    'Jane Doe/AFP via Getty Images',
    'Courtesy of the Smith family',
  ])('recognises %j as a credit line', (line) => {
    expect(isCreditLine(line)).toBe(true);
  });

  it.each([
    'Photos of the ceremony spread quickly on social media.',
    'Pictures, which were shared online, appeared to show flooding.',
    'Images from the telescope were released on Monday.',
    'Reuters reported that the talks had stalled.',
    'Video footage showed the suspect leaving the building.',
  ])('keeps %j', (line) => {
    expect(isCreditLine(line)).toBe(false);
  });

  it('splits a credit off the end of a paragraph', () => {
    expect(splitTrailingCredit('The bridge reopened. Traffic flowed again. Credit: PA Media')).toBe(
      'The bridge reopened. Traffic flowed again.',
    );
    expect(splitTrailingCredit('Work finished early. Photograph: Jane Doe/Reuters')).toBe('Work finished early.');
    expect(splitTrailingCredit('The council said the photo was taken in 1962.')).toBeUndefined();
  });

  it('removes parenthetical agency credits but not the US EPA', () => {
    expect(stripParentheticalCredits('Crowds gathered (Getty Images) in the square.')).toBe('Crowds gathered in the square.');
    expect(stripParentheticalCredits('Crowds gathered (AP Photo/Jane Doe) in the square.')).toBe('Crowds gathered in the square.');
    expect(stripParentheticalCredits('The Environmental Protection Agency (EPA) agreed.')).toBe('The Environmental Protection Agency (EPA) agreed.');
  });
});

describe('caption and teaser rules', () => {
  it.each(['Watch: Ministers arrive', 'Video: The moment it happened', 'Media caption Police at the scene', 'Pictured: The new bridge', 'In pictures: A night of storms', 'WATCH'])(
    'recognises caption %j',
    (line) => expect(isCaptionLine(line)).toBe(true),
  );

  it.each([
    'Is this the end of the dispute? Our Europe Correspondent Sam Lee reports',
    'Our health editor Hugh Park has more.',
    'Why are prices rising? Business reporter Ana Cole explains.',
    'Our correspondent went to find out.',
    'Tom Li, our Asia editor, reports from Tokyo.',
  ])('recognises teaser %j', (line) => expect(isTeaserLine(line)).toBe(true));

  it.each([
    'The Office for National Statistics reports.',
    'The company reports that sales rose 12% in the first quarter.',
    'Watching the match were 40,000 fans.',
    'Videos shared online showed long queues at the border.',
  ])('keeps %j', (line) => {
    expect(isTeaserLine(line)).toBe(false);
    expect(isCaptionLine(line)).toBe(false);
  });
});

describe('promo rules', () => {
  it.each([
    'Sign up for our newsletter.',
    'Subscribe now.',
    'Download our app for breaking news alerts.',
    'Follow us on Twitter.',
    'Follow Jane Doe on Instagram.',
    'Listen to our latest podcasts to find out more.',
    'Read more about the plan.',
    'Share this article',
    "Don't miss our live coverage.",
    'Listen to Final Whistle wherever you get your podcasts.',
    'The best stories of the week, delivered to your inbox.',
    'Email us at news@example.com',
  ])('recognises call to action %j', (sentence) => expect(isPromoSentence(sentence)).toBe(true));

  it.each([
    'The council will send a newsletter to residents next month.',
    'Download speeds rose by 20% last year.',
    'Sign-up rates for the scheme doubled in March.',
    'Listen to the experts, the minister urged.',
    'Residents must register to vote by Friday.',
    'Share prices fell 2%.',
    'Her podcast has been downloaded a million times.',
    '"Follow the evidence," the judge said.',
  ])('keeps %j', (sentence) => expect(isPromoSentence(sentence)).toBe(false));

  it('treats a question that sets up a plug as part of the plug', () => {
    expect(isPromoParagraph('Want a quick briefing on the biggest stories? Listen to our latest podcasts.')).toBe(true);
    expect(isPromoParagraph('Got a story? Email us at tips@example.com')).toBe(true);
    expect(isPromoParagraph('Will rates fall? Economists are divided.')).toBe(false);
  });

  it('drops a plug sentence from an otherwise real paragraph', () => {
    expect(stripPromoSentences('Rates were held at 4.5%. Sign up for our newsletter. The next decision is in May.')).toBe(
      'Rates were held at 4.5%. The next decision is in May.',
    );
  });
});

describe('boilerplate and alt-text rules', () => {
  it.each(['Related: Rail strikes called off', 'READ MORE: What it means', 'See also: Our guide', 'Advertisement', 'Continue reading...', 'Most read'])(
    'recognises related/boilerplate %j',
    (line) => expect(isRelatedLine(line)).toBe(true),
  );
  it('keeps prose that starts with the same words', () => {
    expect(isRelatedLine('Related talks will resume next month.')).toBe(false);
    expect(isRelatedLine('Trending upwards, prices rose for a third month.')).toBe(false);
  });
  it('recognises timestamps and share bars, not prose with dates', () => {
    expect(isTimestampLine('Updated 10:32 GMT, 5 May 2025')).toBe(true);
    expect(isTimestampLine('3 hours ago')).toBe(true);
    expect(isTimestampLine('5 May 2025')).toBe(true);
    expect(isTimestampLine('The vote is on 5 May 2025.')).toBe(false);
    expect(isShareBar('Share | Facebook | WhatsApp | Email')).toBe(true);
    expect(isShareBar('Share prices fell.')).toBe(false);
  });
  it('recognises alt-text remnants', () => {
    expect(isAltTextLine('[Image: Smoke over a forest]')).toBe(true);
    expect(isAltTextLine('Alt text: A firefighter')).toBe(true);
    expect(isAltTextLine('map.png')).toBe(true);
    expect(isAltTextLine('An image showing the hillside')).toBe(true);
    expect(isAltTextLine('Images from the telescope show a galaxy in new detail.')).toBe(false);
  });
});

describe('byline and dateline', () => {
  it.each([
    ['By Jane Doe, Political Editor', 'Jane Doe, Political Editor'],
    ['By Jane Doe', 'Jane Doe'],
    ['By Jane Doe and Li Wei', 'Jane Doe and Li Wei'],
    ['BY Maria de la Cruz | Meridian Wire', 'Maria de la Cruz, Meridian Wire'],
  ])('extracts %j', (line, byline) => expect(extractByline(line)).toBe(byline));

  it.each(['By Tuesday evening, the river had risen two metres.', 'By the end of the week talks had stalled', 'By March the plan had collapsed'])(
    'does not take %j for a byline',
    (line) => expect(extractByline(line)).toBeUndefined(),
  );

  it.each([
    ['LONDON (Reuters) - Ministers agreed a deal.', 'LONDON (Reuters) -'],
    ['WASHINGTON — The Senate voted on Tuesday.', 'WASHINGTON —'],
    ['NEW YORK, March 3 (AP) — Stocks rose.', 'NEW YORK, March 3 (AP) —'],
    ['(CNN) -- A storm hit the coast.', '(CNN) --'],
    ['Paris (AFP) - Talks resumed.', 'Paris (AFP) -'],
  ])('splits dateline from %j', (paragraph, dateline) => {
    const split = extractDateline(paragraph);
    expect(split?.dateline).toBe(dateline);
    expect(split?.rest).toMatch(/^[A-Z]/);
  });

  it.each(['US — China talks resumed on Monday.', 'Ministers agreed a deal - at last.', 'The EU-UK deal was signed.'])(
    'finds no dateline in %j',
    (paragraph) => expect(extractDateline(paragraph)).toBeUndefined(),
  );

  it('recognises wire staff footers', () => {
    expect(isStaffFooter('Reporting by Jane Doe; Editing by John Roe')).toBe(true);
    expect(isStaffFooter('Additional reporting by Sam Lee in Paris')).toBe(true);
    expect(isStaffFooter('Reporting by the BBC found that waiting times rose 12% last year and were still rising.')).toBe(false);
  });

  it('exports a named, ordered list of paragraph rules', () => {
    expect(paragraphRules.map((rule) => rule.name)).toContain('promo');
    expect(new Set(paragraphRules.map((rule) => rule.name)).size).toBe(paragraphRules.length);
  });
});
