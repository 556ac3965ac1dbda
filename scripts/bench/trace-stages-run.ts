/** The body of trace-stages.ts, loaded after it has started the worker pool's threads (as the CLI's entry does). */
import { join } from 'node:path';
import { createApp } from '../../src/app.js';
import { FfmpegTools } from '../../src/audio/ffmpeg.js';
import { PieceMasterer } from '../../src/audio/piece-masterer.js';
import { loadConfig } from '../../src/config/env.js';
import { loadShowFile } from '../../src/config/load-show.js';
import { silentLogger } from '../../src/core/logger.js';
import { createEpisode } from '../../src/pipeline/build-now.js';
// Times are from the process's start (performance's time origin), so the first line shows the loading.
const t0 = 0;
const at = () => ((performance.now() - t0) / 1000).toFixed(2);
for (const name of ['compressPieces', 'renderPieces', 'decodePieces', 'renderSilence', 'measureLoudness', 'probe'] as const) {
  const original = (FfmpegTools.prototype as any)[name];
  (FfmpegTools.prototype as any)[name] = async function (this: unknown, ...args: unknown[]) {
    const start = at();
    const n = Array.isArray(args[0]) ? (args[0] as unknown[]).length : 1;
    const r = await original.apply(this, args);
    console.log(`${start} -> ${at()}  ${name} x${n}`);
    return r;
  };
}
{
  const original = PieceMasterer.prototype.master;
  PieceMasterer.prototype.master = function (this: PieceMasterer, request, arrival) {
    console.log(`${at()} master ${request.inputs.length} input(s)`);
    return original.call(this, request, arrival);
  };
}
if (process.env.TRACE_PASSES) {
  const finish = (PieceMasterer.prototype as any).finish;
  (PieceMasterer.prototype as any).finish = function (this: unknown, piece: any) {
    console.log('passes', piece.seconds.toFixed(1), 's compressed', piece.target.compressed.integratedLufs.toFixed(2), piece.target.compressed.truePeakDbtp?.toFixed(2), JSON.stringify(piece.passes.map((p: any) => [p.gainDb.toFixed(2), p.ceilingDb.toFixed(2), p.integratedLufs.toFixed(2), p.truePeakDbtp?.toFixed(2)])));
    return finish.call(this, piece);
  };
}
const [articlesDir, workDir] = process.argv.slice(2) as [string, string];
const config = loadConfig({ BRIEFCAST_DATA_DIR: join(workDir, 'data'), BRIEFCAST_PUBLISH_DIR: join(workDir, 'published') });
const app = createApp(config, { logger: silentLogger() });
const loaded = await loadShowFile(process.argv[5] ?? new URL('../../examples/show.json', import.meta.url).pathname);
const [provider, name] = (process.argv[4] ?? 'espeak:en-us').split(':') as [string, string];
const show = { ...loaded, voice: { ...loaded.voice, provider, name } };
console.log(at(), 'ready (modules loaded)');
let last = '';
await createEpisode(app.ctx, { show, sources: [articlesDir], date: new Date('2026-11-28T12:00:00Z'), episodeId: 'bench' }, (p) => {
  const key = `${p.stage} ${p.done}/${p.total}`;
  if (key !== last) console.log(at(), key);
  last = key;
});
console.log(at(), 'done', process.cpuUsage());
await app.close();
