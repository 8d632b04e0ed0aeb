#!/usr/bin/env python3
"""PyTorch (CPU, float64) as an oracle for the catalog entries PyTorch has: values and autograd gradients
on a grid, for the ids below, each with the PyTorch call that computes it with the catalog's defaults.

Run:  /usr/bin/python3 test/oracles/torchOracle.py '[x0, x1, ...]'  -> JSON {id: {"y": [...], "dy": [...]}}
("dy" is null where PyTorch has no gradient for the op; non-finite numbers are written as strings). Used by test/activations/torch.test.ts.
"""
import json
import sys

import torch
import torch.nn.functional as F

MAPPINGS = {
    'relu': torch.relu,
    'relu6': F.relu6,
    'leaky_relu': lambda x: F.leaky_relu(x, 0.01),
    'prelu': lambda x: F.prelu(x, torch.tensor([0.25], dtype=torch.float64)),
    'rrelu': lambda x: F.rrelu(x, training=False),
    'elu': F.elu,
    'selu': F.selu,
    'celu': F.celu,
    'gelu': F.gelu,
    'gelu_tanh': lambda x: F.gelu(x, approximate='tanh'),
    'sigmoid': torch.sigmoid,
    'tanh': torch.tanh,
    'silu': F.silu,
    'mish': F.mish,
    'softplus': F.softplus,
    'softsign': F.softsign,
    'hardtanh': F.hardtanh,
    'hard_sigmoid': F.hardsigmoid,
    'hard_swish': F.hardswish,
    'logsigmoid': F.logsigmoid,
    'hardshrink': F.hardshrink,
    'softshrink': F.softshrink,
    'tanhshrink': F.tanhshrink,
    'threshold': lambda x: F.threshold(x, 1.0, 0.0),
    'probit': torch.special.ndtr,
    'sinc_normalized': torch.sinc,
    'sign': torch.sign,
    'heaviside_half': lambda x: torch.heaviside(x, torch.tensor(0.5, dtype=torch.float64)),
    'exponential': torch.exp,
    'arcsinh': torch.asinh,
}

if __name__ == '__main__':
    xs = json.loads(sys.argv[1])
    out = {}
    for k, f in MAPPINGS.items():
        x = torch.tensor(xs, dtype=torch.float64, requires_grad=True)
        y = f(x)
        try:
            (g,) = torch.autograd.grad(y.sum(), x)
            dy = g.tolist()
        except RuntimeError:
            dy = None
        out[k] = {'y': y.detach().tolist(), 'dy': dy}
    print(json.dumps(out).replace('-Infinity', '"-Infinity"').replace(' Infinity', ' "Infinity"').replace('[Infinity', '["Infinity"').replace('NaN', '"NaN"'))
