/** Prints when each stage and each ffmpeg batch of one embedded build starts and ends. Usage: npx tsx scripts/bench/trace-stages.ts <articles> <work> [provider:voice] [show.json]; TRACE_PASSES=1 also prints each piece's mastering passes. */
import { warmOffThreadPool } from '../../src/offthread/pool.js';

void warmOffThreadPool();
await import('./trace-stages-run.js');
