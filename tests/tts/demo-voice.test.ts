import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoVoiceLines } from '../../src/cli/demo-voice.js';
import type { EpisodeRecord } from '../../src/core/episode.js';

function record(provider: string, voice: string): EpisodeRecord {
  const segment = { id: 'intro', kind: 'intro' as const, text: 'Hello.', provider, voice, cacheKey: 'k', cached: false, startSeconds: 0, durationSeconds: 1 };
  return { id: 'e', showId: 's', title: 't', date: '2026-12-01', createdAt: '', updatedAt: '', status: 'published', description: '', sources: [], chapters: [], segments: [segment] };
}

describe('what the demo says about its voice', () => {
  it('names the voice, and gives the apt line only when eSpeak NG spoke on Debian or Ubuntu', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'demo-voice-'));
    try {
      const debian = join(dir, 'debian');
      const fedora = join(dir, 'fedora');
      await writeFile(debian, 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n');
      await writeFile(fedora, 'ID=fedora\nID_LIKE="rhel centos"\n');
      const espeakOnly = record('espeak', 'en-us');
      expect((await demoVoiceLines(espeakOnly, debian)).join('\n')).toMatch(/spoke: espeak "en-us"\n.*sudo apt-get install festival festvox-us-slt-hts/);
      expect((await demoVoiceLines(espeakOnly, fedora)).join('\n')).not.toContain('apt-get');
      expect((await demoVoiceLines(record('festival', 'cmu_us_slt_arctic_hts'), debian)).join('\n')).not.toContain('apt-get');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
