import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { toSpoken } from '../../src/script/spoken.js';

/** Each table line is "written<TAB>spoken"; "#" starts a comment line. */
function table(name: string): Array<[string, string]> {
  const path = fileURLToPath(new URL(`../fixtures/spoken/${name}.tsv`, import.meta.url));
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const [input, expected, extra] = line.split('\t');
      if (input === undefined || expected === undefined || extra !== undefined) throw new Error(`bad table line in ${name}: ${line}`);
      return [input, expected];
    });
}

const TABLES: Array<[locale: string, minimum: number]> = [
  ['en-GB', 190], ['en-US', 20], ['de', 30], ['fr', 30], ['es', 30],
];

describe.each(TABLES)('spoken text for %s', (locale, minimum) => {
  const cases = table(locale);

  it(`has at least ${minimum} cases`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(minimum);
  });

  it.each(cases)('%s', (input, expected) => {
    expect(toSpoken(input, { locale })).toBe(expected);
  });
});
