/** Shared matcher for unit tables: a number, then a unit written attached or after a space. */

/** [unit pattern after the number, singular, plural, written only attached to the number]. */
export type UnitRow = [pattern: string, one: string, many: string, attachedOnly?: boolean];

export interface CompiledUnit {
  re: RegExp;
  one: string;
  many: string;
}

/** Numbers as written in English ("1,200.5") and in continental Europe ("1.200,5", "1 200,5"). */
export const ENGLISH_NUMBER = String.raw`(\d(?:[\d,]*\d)?(?:\.\d+)?)`;
export const EUROPEAN_NUMBER = String.raw`(\d{1,3}(?:[. \u00A0\u202F]\d{3})+(?:,\d+)?|\d+(?:,\d+)?)`;

export function compileUnits(rows: readonly UnitRow[], number: string): CompiledUnit[] {
  return rows.map(([pattern, one, many, attached]) => ({
    // Joined by a hyphen the unit is an adjective and stays singular ("a 10-km race").
    re: new RegExp(String.raw`(?<![\w.,])${number}(-|${attached ? '' : String.raw`[ \u00A0\u202F]?`})(?:${pattern})(?![\p{L}\d])`, 'gu'),
    one,
    many,
  }));
}

/** Replaces every unit; `one` is used for the number 1 and after a hyphen. */
export function applyUnits(text: string, units: readonly CompiledUnit[], spell: (word: string) => string = (w) => w): string {
  let out = text;
  for (const { re, one, many } of units) {
    out = out.replace(re, (_w, n: string, joint: string) => spell(joint === '-' ? `${n}-${one}` : `${n} ${n === '1' ? one : many}`));
  }
  return out;
}
