import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { VoiceInfo } from '../speech-provider.js';

/**
 * Festival's voices are folders: /usr/share/festival/voices/<language>/<voice>/.
 * Reading the folders lists what is installed without starting Festival.
 * Voice names end up inside a Scheme expression, so only names made of
 * lower-case letters, digits and underscores are accepted at all.
 */
export const FESTIVAL_VOICE_NAME = /^[a-z][a-z0-9_]{0,63}$/;

export interface FestivalVoice extends VoiceInfo {
  /** "hts" (statistical parametric, 32 kHz), "diphone", "clunits" or "other". */
  kind: 'hts' | 'diphone' | 'clunits' | 'other';
}

// What Debian's festvox-* packages install, where the folder name alone does not say it.
const KNOWN: Record<string, Omit<FestivalVoice, 'name' | 'kind'>> = {
  cmu_us_slt_arctic_hts: { language: 'en-us', gender: 'female', description: 'US English, HTS (festvox-us-slt-hts)' },
  kal_diphone: { language: 'en-us', gender: 'male', description: 'US English, diphone (festvox-kallpc16k)' },
  ked_diphone: { language: 'en-us', gender: 'male', description: 'US English, diphone (festvox-kdlpc16k)' },
  rab_diphone: { language: 'en-gb', gender: 'male', description: 'British English, diphone' },
  el_diphone: { language: 'es', gender: 'male', description: 'Spanish, diphone' },
  lp_diphone: { language: 'it', gender: 'female', description: 'Italian, diphone (festvox-italp16k)' },
  pc_diphone: { language: 'it', gender: 'male', description: 'Italian, diphone (festvox-itapc16k)' },
  upc_ca_ona_hts: { language: 'ca', gender: 'female', description: 'Catalan, HTS (festvox-ca-ona-hts)' },
  msu_ru_nsh_clunits: { language: 'ru', gender: 'male', description: 'Russian (festvox-ru)' },
  suo_fi_lj_diphone: { language: 'fi', gender: 'female', description: 'Finnish (festvox-suopuhe-lj)' },
  hy_fi_mv_diphone: { language: 'fi', gender: 'male', description: 'Finnish (festvox-suopuhe-mv)' },
};

const FOLDER_LANGUAGE: Record<string, string> = {
  us: 'en-us',
  english: 'en',
  british: 'en-gb',
  spanish: 'es',
  italian: 'it',
  catalan: 'ca',
  czech: 'cs',
  russian: 'ru',
  finnish: 'fi',
  hindi: 'hi',
  marathi: 'mr',
  telugu: 'te',
};

export async function findFestivalVoices(root: string): Promise<FestivalVoice[]> {
  const voices: FestivalVoice[] = [];
  for (const folder of await listDirs(root)) {
    for (const name of await listDirs(join(root, folder))) {
      if (!FESTIVAL_VOICE_NAME.test(name)) continue;
      const known = KNOWN[name];
      const language = known?.language ?? FOLDER_LANGUAGE[folder] ?? folder;
      voices.push({ name, language, ...(known ? { gender: known.gender, description: known.description } : {}), kind: voiceKind(name) });
    }
  }
  return voices.sort((a, b) => a.name.localeCompare(b.name));
}

function voiceKind(name: string): FestivalVoice['kind'] {
  if (name.endsWith('_hts')) return 'hts';
  if (name.endsWith('_diphone')) return 'diphone';
  if (name.endsWith('_clunits')) return 'clunits';
  return 'other';
}

async function listDirs(path: string): Promise<string[]> {
  try {
    return (await readdir(path, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  } catch {
    return [];
  }
}
