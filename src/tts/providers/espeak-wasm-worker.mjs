// Runs the GPL eSpeak NG WASM build inside a worker thread: synthesis is CPU-bound
// and would otherwise block the event loop. Plain JS so any loader can start it.
import ESpeakNg from 'espeak-ng';

/** @param {{ args: string[], output?: string }} task */
export default async function run(task) {
  const lines = [];
  const module = await ESpeakNg({
    arguments: task.args,
    print: (line) => lines.push(line),
    printErr: (line) => lines.push(line),
  });
  if (!task.output) return { stdout: lines.join('\n') };
  let audio;
  try {
    audio = module.FS.readFile(task.output);
  } catch {
    throw new Error(`eSpeak NG produced no audio: ${lines.join(' ').slice(0, 300)}`);
  }
  return { audio };
}
