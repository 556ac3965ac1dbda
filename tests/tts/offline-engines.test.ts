import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isBriefcastError } from '../../src/core/errors.js';
import { createEspeakProvider } from '../../src/tts/providers/espeak.js';
import { createFliteProvider } from '../../src/tts/providers/flite.js';

function installed(binary: string): boolean {
  try {
    execFileSync(binary, ['-lv'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** RIFF/WAVE header and the sample rate it declares. */
function wavInfo(bytes: Uint8Array): { riff: string; rate: number; dataBytes: number } {
  const buffer = Buffer.from(bytes);
  return { riff: buffer.toString('ascii', 0, 4) + buffer.toString('ascii', 8, 12), rate: buffer.readUInt32LE(24), dataBytes: buffer.byteLength - 44 };
}

// CI installs flite (apt-get install flite); a machine without it has no flite provider either.
describe.skipIf(!installed('flite'))('flite provider (Debian CLI engine)', () => {
  it('speaks text into 16 kHz WAV with a built-in voice, slower when asked', async () => {
    const flite = await createFliteProvider();
    expect(flite.engineId).toMatch(/^flite@\d/);
    expect((await flite.listVoices()).map((v) => v.name)).toContain('slt');
    const normal = await flite.synthesize({ text: 'Good morning.', voice: 'slt', speed: 1 });
    const slow = await flite.synthesize({ text: 'Good morning.', voice: 'slt', speed: 0.5 });
    expect(wavInfo(normal.audio)).toMatchObject({ riff: 'RIFFWAVE', rate: 16000 });
    expect(wavInfo(slow.audio).dataBytes).toBeGreaterThan(wavInfo(normal.audio).dataBytes * 1.5);
  });

  it('refuses an unknown voice instead of silently using the default one', async () => {
    const flite = await createFliteProvider();
    const error = await flite.synthesize({ text: 'Hi.', voice: 'nobody', speed: 1 }).catch((e: unknown) => e);
    expect(isBriefcastError(error, 'VOICE_UNKNOWN')).toBe(true);
  });
});

describe('flite provider without the binary', () => {
  it('reports PROVIDER_UNKNOWN with the install hint', async () => {
    const error = await createFliteProvider({ binary: '/nonexistent/flite' }).catch((e: unknown) => e);
    expect(isBriefcastError(error, 'PROVIDER_UNKNOWN')).toBe(true);
    expect(String((error as Error).message)).toContain('apt-get install flite');
  });
});

describe.skipIf(!installed('espeak-ng'))('espeak-ng CLI provider', () => {
  it('still speaks through the system binary and declares itself free', async () => {
    const espeak = await createEspeakProvider({ engine: 'cli' });
    expect(espeak.engineId).toMatch(/^espeak-ng-cli@/);
    expect(espeak.limits.pricePerMillionCharacters).toBe(0);
    const result = await espeak.synthesize({ text: 'Good morning.', voice: 'en-gb', speed: 1 });
    expect(wavInfo(result.audio).riff).toBe('RIFFWAVE');
  });
});
