"""Writes a tiny stand-in for the Kokoro ONNX graph, for tests (the real weights cannot be downloaded here).

Same contract as the published export: input_ids int64 [1, N], style float32 [1, 256],
speed float32 [1] -> waveform float32 [1, samples]. Each token becomes ceil(600 / speed)
samples of a tone whose pitch follows the token id and whose loudness follows the style,
so a test can tell that tokens, voice and speed all reached the runtime.
Usage: make-tiny-kokoro.py OUT.onnx
"""
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def const(name, values, dtype):
    return numpy_helper.from_array(np.array(values, dtype=dtype), name)


nodes = [
    helper.make_node("Cast", ["input_ids"], ["ids_f"], to=TensorProto.FLOAT),
    helper.make_node("Unsqueeze", ["ids_f", "axis2"], ["ids_3d"]),
    # samples per token = ceil(600 / speed)
    helper.make_node("Div", ["per_token", "speed"], ["span_f"]),
    helper.make_node("Ceil", ["span_f"], ["span_c"]),
    helper.make_node("Cast", ["span_c"], ["span"], to=TensorProto.INT64),
    helper.make_node("Concat", ["ones2", "span"], ["repeats"], axis=0),
    helper.make_node("Tile", ["ids_3d", "repeats"], ["ids_tiled"]),
    helper.make_node("Squeeze", ["span", "axis0"], ["span_scalar"]),
    helper.make_node("Range", ["zero", "span_scalar", "one"], ["steps_i"]),
    helper.make_node("Cast", ["steps_i"], ["steps"], to=TensorProto.FLOAT),
    # phase = steps * (0.01 + id * 0.001): a pitch per token
    helper.make_node("Mul", ["ids_tiled", "pitch_step"], ["pitch_a"]),
    helper.make_node("Add", ["pitch_a", "pitch_base"], ["pitch"]),
    helper.make_node("Mul", ["pitch", "steps"], ["phase"]),
    helper.make_node("Sin", ["phase"], ["tone"]),
    # loudness = 0.2 + 0.1 * tanh(mean(style))
    helper.make_node("ReduceMean", ["style"], ["style_mean"], keepdims=0),
    helper.make_node("Tanh", ["style_mean"], ["style_t"]),
    helper.make_node("Mul", ["style_t", "tenth"], ["style_s"]),
    helper.make_node("Add", ["style_s", "fifth"], ["gain"]),
    helper.make_node("Mul", ["tone", "gain"], ["wave_3d"]),
    helper.make_node("Reshape", ["wave_3d", "flat"], ["waveform"]),
]
initializers = [
    const("axis2", [2], np.int64),
    const("axis0", [0], np.int64),
    const("per_token", [600.0], np.float32),
    const("ones2", [1, 1], np.int64),
    const("zero", 0, np.int64),
    const("one", 1, np.int64),
    const("pitch_step", 0.001, np.float32),
    const("pitch_base", 0.01, np.float32),
    const("tenth", 0.1, np.float32),
    const("fifth", 0.2, np.float32),
    const("flat", [1, -1], np.int64),
]
graph = helper.make_graph(
    nodes,
    "tiny-kokoro",
    [
        helper.make_tensor_value_info("input_ids", TensorProto.INT64, [1, "N"]),
        helper.make_tensor_value_info("style", TensorProto.FLOAT, [1, 256]),
        helper.make_tensor_value_info("speed", TensorProto.FLOAT, [1]),
    ],
    [helper.make_tensor_value_info("waveform", TensorProto.FLOAT, [1, "samples"])],
    initializers,
)
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name="briefcast-tests")
model.ir_version = 8
onnx.checker.check_model(model)
onnx.save(model, sys.argv[1])
