/**
 * Worker-thread entry for the script tasks alone (writing and ear-checking a
 * script). A queue worker's pool loads this file instead of offthread-worker.ts:
 * its thread then holds about 35 MB instead of about 105 MB under tsx, since it
 * loads none of the page, feed and cleaning code (linkedom, readability,
 * marked, tinyld). A task of another kind names the full entry (pool.ts).
 */
import { checkScript } from '../ear-check/index.js';
import { writeExtractiveScript } from '../script/extractive-writer.js';
import { failedTask, type OffThreadResult, type ScriptKindTask } from './task-types.js';

export default function runScriptTask(task: ScriptKindTask): OffThreadResult {
  try {
    switch (task.kind) {
      case 'script':
        return { kind: 'script', script: writeExtractiveScript(task.input, task.options) };
      case 'ear-check':
        return { kind: 'ear-check', report: checkScript(task.script) };
      case 'warm':
        return { kind: 'warm' };
    }
  } catch (error) {
    return failedTask(error);
  }
}
