/**
 * One measured run of the episode build, started by scripts/bench-pipeline.ts
 * under /usr/bin/time (bundled to plain JavaScript first, so neither mode pays
 * for compiling TypeScript). Modes: "build" (the real pipeline) and "naive"
 * (the same engine and the same resolved ffmpeg, one step after another: one
 * synthesis per segment, then one ffmpeg run that joins, normalises loudness
 * and encodes; no cache, no parallelism).
 * Usage: node pipeline-variant.mjs <build|naive> <articles> <show.json> <work> [provider:voice] [system|npm]
 */
import { warmOffThreadPool } from '../../src/offthread/pool.js';

// What src/cli/main.ts does for a build: the pool's threads load while the rest of the code loads.
warmOffThreadPool();
await import('./pipeline-variant-run.js');
