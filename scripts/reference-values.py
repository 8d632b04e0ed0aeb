#!/usr/bin/env python3
"""High-precision reference values for the accuracy test (test/activations/accuracy.test.ts).

Independent of actlab's code: everything is evaluated with Python's decimal module at 60 digits, from the
textbook definitions (erf and erfc by their Taylor series and continued fraction, A&S 7.1.5 and 7.1.14;
1 + tanh(u) as 2*sigmoid(2u) so the left tail of the tanh-approximated GELU keeps its digits). For each
activation and x in XS it records y = f(x) and dy = f'(x) (derivatives differentiated by hand), each
rounded to 17 significant digits. Output: {id: [{x, y, dy}, ...]}. Run:
  python3 scripts/reference-values.py > test/fixtures/reference-values.json
"""
import json, math
from decimal import Decimal as D, getcontext, localcontext

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


SQRT_PI = D('3.14159265358979323846264338327950288419716939937510582097494459').sqrt()
PI = D('3.14159265358979323846264338327950288419716939937510582097494459')


def erfc(z):
    """erfc by the Maclaurin series (|z| < 6, at 120 digits) or the continued fraction (z >= 6)."""
    z = D(z)
    if z < 0: return 2 - erfc(-z)
    with localcontext() as c:
        c.prec = 120
        if z < 6:
            term, total, n = z, z, 0
            while True:  # erf(z) = 2/sqrt(pi) * sum (-1)^n z^(2n+1) / (n! (2n+1))
                n += 1
                term = -term * z * z / n
                add = term / (2 * n + 1)
                total += add
                if abs(add) < D(10) ** -110: break
            r = 1 - 2 * total / SQRT_PI
        else:
            f = z
            for k in range(400, 0, -1): f = z + D(k) / 2 / f
            r = (-z * z).exp() / SQRT_PI / f
    return +r


def sig_safe(u):
    u = D(u)
    if u < 0:
        e = u.exp(); return e / (1 + e)
    return 1 / (1 + (-u).exp())


def gelu(x): return D(x) * erfc(-D(x) / D(2).sqrt()) / 2
def dgelu(x): return erfc(-D(x) / D(2).sqrt()) / 2 + D(x) * (-D(x) * D(x) / 2).exp() / (2 * PI).sqrt()


C_GT = (2 / PI).sqrt()
def gelu_tanh_u(x): return C_GT * (D(x) + D('0.044715') * D(x) ** 3)
def gelu_tanh(x): return D(x) * sig_safe(2 * gelu_tanh_u(x))  # 0.5 x (1 + tanh u) = x sigmoid(2u)
def dgelu_tanh(x):
    u = gelu_tanh_u(x); s = sig_safe(2 * u)
    # d/dx [0.5 x (1 + tanh u)] = 0.5 (1 + tanh u) + 0.5 x sech^2(u) u', with sech^2 u = 4 s (1 - s)
    return s + D(x) * 2 * s * sig_safe(-2 * u) * C_GT * (1 + 3 * D('0.044715') * D(x) ** 2)


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
    'gelu_tanh': (gelu_tanh, dgelu_tanh),
}


def r17(v): return float('%.17g' % float(v))


out = {k: [{'x': x, 'y': r17(f(x)), 'dy': r17(df(x))} for x in XS] for k, (f, df) in FUNCS.items()}
print(json.dumps(out, indent=1))
