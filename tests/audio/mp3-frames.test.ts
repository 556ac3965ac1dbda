import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countMp3Frames } from '../../src/audio/mp3-frames.js';

const run = promisify(execFile);

async function ffprobePackets(file: string): Promise<number> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-count_packets', '-select_streams', 'a', '-show_entries', 'stream=nb_read_packets', '-of', 'csv=p=0', file]);
  return Number(stdout.trim());
}

describe('MP3 frame counting', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'briefcast-mp3-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const cases = [
    { name: 'a bare piece, 44.1 kHz 96 kbps mono', seconds: 3.7, args: ['-ar', '44100', '-ac', '1', '-b:a', '96k', '-write_xing', '0', '-id3v2_version', '0'] },
    { name: 'with an ID3v2 tag and a Xing header', seconds: 1.3, args: ['-ar', '44100', '-ac', '1', '-b:a', '96k', '-metadata', 'title=Tagged'] },
    { name: 'MPEG-2, 22.05 kHz 48 kbps', seconds: 2.2, args: ['-ar', '22050', '-ac', '1', '-b:a', '48k', '-write_xing', '0'] },
    { name: 'stereo 48 kHz 128 kbps', seconds: 0.9, args: ['-ar', '48000', '-ac', '2', '-b:a', '128k', '-write_xing', '0'] },
  ];
  for (const testCase of cases) {
    it(`matches ffprobe's packet count: ${testCase.name}`, async () => {
      const file = join(dir, `${testCase.seconds}.mp3`);
      await run('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', `sine=f=300:d=${testCase.seconds}`, ...testCase.args, '-c:a', 'libmp3lame', file]);
      const counted = countMp3Frames(await readFile(file));
      expect(counted).toBeGreaterThan(10);
      expect(counted).toBe(await ffprobePackets(file));
    });
  }

  it('finds no frames in bytes that are not MP3', () => {
    expect(countMp3Frames(new TextEncoder().encode('not audio at all, just text'.repeat(50)))).toBe(0);
  });
});
