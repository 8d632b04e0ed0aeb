"""Runs exported PyTorch activation files for the export tests: for each file, values and input gradients on a grid.

stdin: {"files": [{"id": ..., "path": ...}], "x": [...]}; stdout: {"id": {"output": [...], "grad": [...]} | {"error": "..."}}.
"""
import importlib.util
import json
import sys

import torch

torch.set_num_threads(1)
req = json.load(sys.stdin)
x0 = torch.tensor(req["x"], dtype=torch.float32)
out = {}
for f in req["files"]:
    try:
        spec = importlib.util.spec_from_file_location("m_" + f["id"], f["path"])
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        m = mod.load_model()
        x = x0.clone().requires_grad_(True)
        y = m(x)
        (g,) = torch.autograd.grad(y.sum(), x)
        out[f["id"]] = {"output": y.tolist(), "grad": g.tolist()}
    except Exception as e:  # reported per file, so one failure does not hide the others
        out[f["id"]] = {"error": "%s: %s" % (type(e).__name__, e)}
json.dump(out, sys.stdout, allow_nan=True)
