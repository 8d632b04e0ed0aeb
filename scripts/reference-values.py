#!/usr/bin/env python3
"""High-precision reference values for the accuracy test (test/activations/accuracy.test.ts).

Independent of actlab's code: exp/log/tanh are evaluated with Python's decimal module at 60 digits, the
Gaussian functions with Python's math.erfc (the C library's, accurate to about 1 ulp). Each value is
rounded to 17 significant digits. Run:  python3 scripts/reference-values.py > test/fixtures/reference-values.json
"""
import json, math
from decimal import Decimal as D, getcontext

getcontext().prec = 60
XS = [0.0, 1e-30, -1e-30, 1e-7, -1e-7, 0.5, -0.5, 1.0, -1.0, 3.0, -3.0, 20.0, -20.0, 100.0, -100.0, 1000.0, -1000.0]
SELU_A = D('1.6732632423543772848170429916717')
SELU_S = D('1.0507009873554804934193349852946')


def exp(x): return D(x).exp()
def sig(x): return 1 / (1 + exp(-D(x)))
def tanh(x):
    x = D(x)
    if x == 0: return D(0)
    e2 = (2 * x).exp() if x < 0 else (-2 * x).exp()
    t = (1 - e2) / (1 + e2)
    return t if x > 0 else -t
def sech2(x):
    x = D(abs(x)); e = (-2 * x).exp(); return 4 * e / (1 + e) ** 2
def softplus(x):
    x = D(x)
    return x + (1 + (-x).exp()).ln() if x > 0 else (1 + x.exp()).ln()


def gelu(x): return 0.5 * x * math.erfc(-x / math.sqrt(2))
def dgelu(x): return 0.5 * math.erfc(-x / math.sqrt(2)) + x * math.exp(-x * x / 2) / math.sqrt(2 * math.pi)


FUNCS = {
    'sigmoid': (lambda x: sig(x), lambda x: sig(x) * sig(-x)),
    'tanh': (lambda x: tanh(x), lambda x: sech2(x)),
    'softplus': (lambda x: D(x) if x > 20 else softplus(x), lambda x: D(1) if x > 20 else sig(x)),
    'logsigmoid': (lambda x: -softplus(-x), lambda x: sig(-x)),
    'silu': (lambda x: D(x) * sig(x), lambda x: sig(x) + D(x) * sig(x) * sig(-x)),
    'mish': (lambda x: D(x) * tanh(softplus(x)), lambda x: tanh(softplus(x)) + D(x) * sech2(softplus(x)) * sig(x)),
    'elu': (lambda x: D(x) if x > 0 else exp(x) - 1, lambda x: D(1) if x > 0 else exp(x)),
    'selu': (lambda x: SELU_S * (D(x) if x > 0 else SELU_A * (exp(x) - 1)), lambda x: SELU_S * (D(1) if x > 0 else SELU_A * exp(x))),
    'celu': (lambda x: D(x) if x > 0 else exp(x) - 1, lambda x: D(1) if x > 0 else exp(x)),
    'softsign': (lambda x: D(x) / (1 + abs(D(x))), lambda x: 1 / (1 + abs(D(x))) ** 2),
    'gelu': (gelu, dgelu),
}


def r17(v): return float('%.17g' % float(v))


out = {k: [{'x': x, 'y': r17(f(x)), 'dy': r17(df(x))} for x in XS] for k, (f, df) in FUNCS.items()}
print(json.dumps(out, indent=1))
