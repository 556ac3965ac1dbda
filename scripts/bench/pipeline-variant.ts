/**
 * One measured run of the episode build, started by scripts/bench-pipeline.ts
 * under /usr/bin/time (bundled to plain JavaScript first, so neither mode pays
 * for compiling TypeScript). Modes: "build" (the real pipeline) and "naive"
 * (the same engine and the same resolved ffmpeg, one step after another: one
 * synthesis per segment, then one ffmpeg run that joins, normalises loudness
 * and encodes; no cache, no parallelism).
 * Mode "warm" stays running and builds once per "build" line on stdin, timing each build inside the
 * process, as the API server would build (modules loaded, one pool thread kept).
 * Usage: node pipeline-variant.mjs <build|naive|warm> <articles> <show.json> <work> [provider:voice] [system|npm]
 */
import { keepOffThreadPoolWarm, warmOffThreadPool } from '../../src/offthread/pool.js';

// What src/cli/main.ts does for a build (the pool's threads load while the rest of the code loads),
// or, for the running-process mode, what `briefcast serve` does.
if (process.argv[2] === 'warm') void keepOffThreadPoolWarm();
else void warmOffThreadPool();
await import('./pipeline-variant-run.js');
