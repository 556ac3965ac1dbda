/** Prints when each stage of one embedded build starts, to see where the time goes. Usage: npx tsx scripts/bench/trace-build.ts <articles> <work> */
import { join } from 'node:path';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import { loadShowFile } from '../../src/config/load-show.js';
import { silentLogger } from '../../src/core/logger.js';
import { createEpisode } from '../../src/pipeline/build-now.js';

const [articlesDir, workDir] = process.argv.slice(2) as [string, string];
const t0 = performance.now();
const stamp = (what: string) => console.log(`${(process.uptime()).toFixed(2)} s  ${((performance.now() - t0) / 1000).toFixed(2)}  ${what}`);
const config = loadConfig({ BRIEFCAST_DATA_DIR: join(workDir, 'data'), BRIEFCAST_PUBLISH_DIR: join(workDir, 'published') });
const app = createApp(config, { logger: silentLogger() });
const show = await loadShowFile(new URL('../../examples/show.json', import.meta.url).pathname);
stamp('ready');
let last = '';
await createEpisode(app.ctx, { show, sources: [articlesDir], date: new Date('2026-11-28T12:00:00Z'), episodeId: 'bench' }, (p) => {
  const key = `${p.stage} ${p.done}/${p.total}`;
  if (key !== last) stamp(key);
  last = key;
});
stamp('done'); console.log('node self cpu', process.cpuUsage());
await app.close();
