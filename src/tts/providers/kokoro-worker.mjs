// Runs the Kokoro ONNX graph with onnxruntime-node inside a worker thread, so a long
// synthesis never blocks the event loop. Plain JS so any loader can start it.
import * as ortModule from 'onnxruntime-node';

// A CommonJS package: Node names its exports, some loaders (tsx) only hand over the default.
const ort = ortModule.InferenceSession ? ortModule : ortModule.default;

const sessions = new Map();

function session(modelPath, threads) {
  let pending = sessions.get(modelPath);
  if (!pending) {
    pending = ort.InferenceSession.create(modelPath, { intraOpNumThreads: threads, interOpNumThreads: 1, graphOptimizationLevel: 'all' });
    pending.catch(() => sessions.delete(modelPath));
    sessions.set(modelPath, pending);
  }
  return pending;
}

/** @param {{ modelPath: string, ids: number[], style: Float32Array, speed: number, threads: number }} task */
export default async function run(task) {
  const model = await session(task.modelPath, task.threads);
  // Exports differ in the name of the token input: "input_ids" (v1.0 ONNX community) or "tokens" (older).
  const tokenInput = model.inputNames.includes('tokens') ? 'tokens' : 'input_ids';
  const ids = BigInt64Array.from([0, ...task.ids, 0], (id) => BigInt(id));
  const feeds = {
    [tokenInput]: new ort.Tensor('int64', ids, [1, ids.length]),
    style: new ort.Tensor('float32', task.style, [1, task.style.length]),
    speed: new ort.Tensor('float32', Float32Array.of(task.speed), [1]),
  };
  const outputs = await model.run(feeds);
  const waveform = outputs.waveform ?? outputs[model.outputNames[0]];
  if (!waveform || waveform.type !== 'float32') throw new Error('the Kokoro graph returned no float32 waveform');
  return Float32Array.from(waveform.data);
}
