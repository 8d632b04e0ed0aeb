"""PyTorch (Debian's python3-torch, CPU, float32) as an oracle: values and input gradients of torch.nn modules.

stdin: {"x": [...], "kinks": {...}, "entries": [{"id", "module", "kwargs", "vector"}]}
stdout: {id: {"output": [...], "grad": [...], "kink_grads": [...], "module": "..."} | {"error": "..."}}
A module is built from its torch.nn name with PyTorch's defaults (the catalog's defaults are PyTorch's);
when the class needs arguments (Threshold), the catalog's parameter values are passed by name.
"""
import json
import sys

import torch

torch.set_num_threads(1)
req = json.load(sys.stdin)
x0 = torch.tensor(req["x"], dtype=torch.float32)
out = {}
for e in req["entries"]:
    try:
        ctor = eval(e["module"], {"torch": torch})
        try:
            m = ctor() if not e["call"] else ctor
        except TypeError:
            m = ctor(**e["kwargs"])
        m.eval()
        x = x0.clone().requires_grad_(True)
        y = m(x)
        (g,) = torch.autograd.grad(y.sum() if not e["vector"] else y[..., 0].sum(), x)
        kink_grads = []
        for k in req["kinks"].get(e["id"], []):
            xk = torch.tensor([k], dtype=torch.float32, requires_grad=True)
            (gk,) = torch.autograd.grad(m(xk).sum(), xk)
            kink_grads.append(gk.item())
        out[e["id"]] = {"output": y.tolist(), "grad": g.tolist(), "kink_grads": kink_grads, "module": repr(m)}
    except Exception as ex:
        out[e["id"]] = {"error": "%s: %s" % (type(ex).__name__, ex)}
json.dump(out, sys.stdout)
