#!/usr/bin/env node
import { warmOffThreadPool } from '../offthread/pool.js';

/** Commands that ingest and write a script: their first task should find the worker threads ready. */
const BUILDING_COMMANDS = new Set(['demo', 'create', 'cost', 'enqueue']);

// The command's name is the first argument that is not an option (the program itself parses everything properly).
const command = process.argv.slice(2).find((arg) => !arg.startsWith('-'));
if (command && BUILDING_COMMANDS.has(command)) void warmOffThreadPool();
// Loaded after the threads are started, so their module loading overlaps the main thread's.
await import('./program.js');
