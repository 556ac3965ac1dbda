import { describe, expect, it } from 'vitest';
import { balanceQuotes, toSpoken } from '../../src/script/spoken.js';
import { ordinalWord, spokenLongDate } from '../../src/script/spoken-numbers.js';

describe('toSpoken', () => {
  it.each([
    ['The U.S. and the U.K. agreed.', 'The US and the UK agreed.'],
    ['Trade with the U.S.', 'Trade with the US.'],
    ['Unemployment fell to 4.1%.', 'Unemployment fell to 4.1 percent.'],
    ['The club paid £5m for him.', 'The club paid 5 million pounds for him.'],
    ['Profits reached $3.2bn.', 'Profits reached 3.2 billion dollars.'],
    ['It cost $1 and then €20.', 'It cost 1 dollar and then 20 euros.'],
    ['No. 10 said it would respond.', 'Number 10 said it would respond.'],
    ['Some fruit, e.g. apples, is cheaper.', 'Some fruit, for example apples, is cheaper.'],
    ['It is Harbridge vs Kingsford tonight.', 'It is Harbridge versus Kingsford tonight.'],
    ['Mr. Reyes and Dr. Marsh spoke.', 'Mister Reyes and Doctor Marsh spoke.'],
    ['The meeting is on 2025-04-29.', 'The meeting is on the twenty-ninth of April twenty twenty-five.'],
    ['It is the 21st time, on Jan. 3rd.', 'It is the twenty-first time, on January third.'],
  ])('%s', (input, expected) => {
    expect(toSpoken(input)).toBe(expected);
  });

  it('drops links, e-mail addresses and parenthetical asides', () => {
    const out = toSpoken('The report (published in English) is online at https://example.org/x, and questions can be sent to press@example.org.');
    expect(out).toBe('The report is online, and questions can be sent.');
    expect(out).not.toMatch(/https?:|@|\(|\)/);
  });

  it('collapses whitespace and balances a quotation cut at a sentence boundary', () => {
    expect(toSpoken('  "We will   win.  ')).toBe('"We will win."');
    expect(balanceQuotes('We always do."')).toBe('"We always do."');
    expect(balanceQuotes('"Yes," she said.')).toBe('"Yes," she said.');
  });

  it('leaves the text alone (apart from whitespace) when switched off', () => {
    expect(toSpoken('The U.S.  economy grew 3%  (ish).', { enabled: false })).toBe('The U.S. economy grew 3% (ish).');
  });
});

describe('spoken numbers', () => {
  it('reads ordinals and the intro date', () => {
    expect([1, 2, 3, 4, 12, 20, 21, 33, 99].map((n) => ordinalWord(n))).toEqual([
      'first', 'second', 'third', 'fourth', 'twelfth', 'twentieth', 'twenty-first', 'thirty-third', 'ninety-ninth',
    ]);
    expect(ordinalWord(100)).toBeUndefined();
    expect(spokenLongDate(new Date('2025-03-04T23:30:00Z'))).toBe('Tuesday, 4 March 2025');
  });
});
