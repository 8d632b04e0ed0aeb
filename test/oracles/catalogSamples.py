#!/usr/bin/env python3
"""Sample values of catalog entries, computed independently of actlab's code from the textbook formulas
(Python's math module, default parameters), for the entries' `samples` (input -> output pairs).

Run:  python3 test/oracles/catalogSamples.py   -> JSON {id: [[x, y], ...]}
test/activations/samples.test.ts runs it and checks that every entry listed here has exactly these samples.
"""
import json
import math

exp, log, tanh, atan, sqrt, pi = math.exp, math.log, math.tanh, math.atan, math.sqrt, math.pi


def sig(x): return 1 / (1 + exp(-x))
def softplus(x): return log(1 + exp(x))
def relu(x): return max(x, 0.0)
def elu(x, a=1.0): return x if x > 0 else a * (exp(x) - 1)
def gelu(x): return 0.5 * x * (1 + math.erf(x / sqrt(2)))
def sinc(x): return 1.0 if x == 0 else math.sin(x) / x
def sech(x): return 1 / math.cosh(x)
def clip(v, lo, hi): return min(max(v, lo), hi)
def smelu(x, b=1.0): return 0.0 if x <= -b else x if x >= b else (x + b) ** 2 / (4 * b)


F = {
    # sigmoidal
    'satlin': (lambda x: clip(x, 0, 1), [-0.5, 0.25, 2]),
    'sparse_sigmoid': (lambda x: clip((x + 1) / 2, 0, 1), [-2, 0.5, 1.5]),
    'probit': (lambda x: 0.5 * (1 + math.erf(x / sqrt(2))), [-1, 0, 1.5]),
    'cauchit': (lambda x: 0.5 + atan(x) / pi, [-3, 0, 1]),
    'rootsig': (lambda x: x / (1 + sqrt(1 + x * x)), [-2, 0.5, 3]),
    'generalized_logistic': (lambda x: (1 + exp(-x)) ** -1, [-1, 0, 2]),
    'smoothstep': (lambda x: 0.0 if x <= -0.5 else 1.0 if x >= 0.5 else -2 * x ** 3 + 1.5 * x + 0.5, [-1, -0.25, 0.25]),
    'soft_clipping': (lambda x: log((1 + exp(5 * x)) / (1 + exp(5 * (x - 1)))) / 5, [-0.5, 0.5, 1.5]),
    'dsilu': (lambda x: sig(x) * (1 + x * (1 - sig(x))), [-2, 0, 2.4]),
    'laplace': (lambda x: 0.5 * (1 + math.erf((x - sqrt(0.5)) / (sqrt(1 / (4 * pi)) * sqrt(2)))), [0, 0.5, 1]),
    'sigmoid_gain': (lambda x: sig(x), [-1, 0, 2]),
    'adaptive_tanh': (lambda x: tanh(x), [-1, 0.5, 2]),
    'parametric_tanh': (lambda x: tanh(x), [-1, 0.5, 2]),
    'gudermannian': (lambda x: 2 * atan(tanh(x / 2)), [-2, 0.5, 3]),
    'hexpo': (lambda x: -(exp(-x) - 1) if x >= 0 else exp(x) - 1, [-2, 0.5, 3]),
    # rectifier
    'sqlu': (lambda x: x if x > 0 else (x + x * x / 4 if x >= -2 else -1.0), [-3, -1, 2]),
    'relu_n': (lambda x: clip(x, 0, 1), [-1, 0.5, 2]),
    'frelu': (lambda x: relu(x), [-1, 0, 2]),
    'displaced_relu': (lambda x: max(x, -0.05), [-1, -0.02, 2]),
    'shifted_relu': (lambda x: max(x, -1), [-3, -0.5, 2]),
    'very_leaky_relu': (lambda x: x if x > 0 else x / 3, [-3, -1, 2]),
    'ptelu': (lambda x: x if x >= 0 else tanh(x), [-2, -0.5, 1]),
    'nlrelu': (lambda x: log(relu(x) + 1), [-1, 1, 3]),
    'apl': (lambda x: relu(x) + 0.2 * relu(1 - x), [-2, 0.5, 2]),
    'reu': (lambda x: x if x > 0 else x * exp(x), [-2, -1, 1.5]),
    'preu': (lambda x: x if x > 0 else x * exp(x), [-3, -0.5, 2]),
    'smelu': (smelu, [-2, 0, 0.5]),
    'sparse_plus': (smelu, [-1.5, 0.5, 2]),
    'plu': (lambda x: max(0.1 * (x + 1) - 1, min(0.1 * (x - 1) + 1, x)), [-3, 0.5, 3]),
    'repu': (lambda x: relu(x) ** 3, [-1, 0.5, 2]),
    'lelelu': (lambda x: x if x >= 0 else 0.01 * x, [-2, 0.5, 3]),
    'star_relu': (lambda x: 0.8944 * relu(x) ** 2 - 0.4472, [-1, 0.5, 2]),
    'smu': (lambda x: ((1 + 0.25) * x + (1 - 0.25) * x * math.erf(0.75 * x)) / 2, [-2, -0.5, 1]),
    'smu1': (lambda x: (1.25 * x + sqrt((0.75 * x) ** 2 + 1)) / 2, [-2, 0, 1]),
    # exponential
    'exponential': (exp, [-1, 0, 2]),
    'pelu': (lambda x: x if x >= 0 else exp(x) - 1, [-2, -0.5, 1]),
    'mpelu': (lambda x: x if x > 0 else exp(x) - 1, [-2, -0.5, 1]),
    'pdelu': (lambda x: x if x > 0 else -1.0 if x <= -10 else (1 + 0.1 * x) ** 10 - 1, [-12, -2, 1]),
    'elu_plus_one': (lambda x: elu(x) + 1, [-2, 0, 1.5]),
    'softplus_plus': (lambda x: softplus(x) + x / 2 - log(2), [-2, 0, 1]),
    'slu': (lambda x: x if x >= 0 else 2 * log(exp(x) + 1) - 2 * log(2), [-3, -0.5, 1]),
    'serlu': (lambda x: 1.07862 * x if x >= 0 else 1.07862 * 2.90427 * x * exp(x), [-2, -1, 1]),
    # gated
    'e_swish': (lambda x: 1.375 * x * sig(x), [-2, 0.5, 2]),
    'phish': (lambda x: x * tanh(gelu(x)), [-1, 0.5, 2]),
    'gish': (lambda x: x * log(2 - exp(-exp(x))), [-2, 0.5, 2]),
    'golu': (lambda x: x * exp(-exp(-x)), [-1, 0.5, 2]),
    'sinlu': (lambda x: (x + math.sin(x)) * sig(x), [-2, 0.5, 2]),
    'pflu': (lambda x: x * (1 + x / sqrt(1 + x * x)) / 2, [-2, 0.5, 2]),
    'erfact': (lambda x: x * math.erf(0.75 * exp(0.75 * x)), [-2, 0.5, 2]),
    'pserf': (lambda x: x * math.erf(1.25 * softplus(0.85 * x)), [-2, 0.5, 2]),
    'tanhsoft1': (lambda x: tanh(x) * softplus(x), [-2, 0.5, 2]),
    'tanhsoft2': (lambda x: x * tanh(exp(x)), [-2, 0.5, 2]),
    'acon_c': (lambda x: 0.75 * x * sig(0.75 * x) + 0.25 * x, [-2, 0.5, 2]),
    'aria2': (lambda x: x * (1 + exp(-2 * x)) ** -1.5, [-2, 0.5, 2]),
    'flatten_t_swish': (lambda x: x * sig(x) - 0.2 if x >= 0 else -0.2, [-1, 0.5, 2]),
    'atlu': (lambda x: x * (0.5 + atan(x) / pi), [-3, 0.5, 2]),
    'clipped_gelu': (lambda x: clip(gelu(x), -10, 10), [-1, 2, 12]),
    'xielu': (lambda x: 0.8 * x * x + 0.5 * x if x > 0 else 0.8 * (exp(x) - 1 - x) + 0.5 * x, [-2, -0.5, 1]),
    # step
    'sign': (lambda x: (x > 0) - (x < 0), [-2, 0, 3]),
    'heaviside_half': (lambda x: 1.0 if x > 0 else 0.0 if x < 0 else 0.5, [-1, 0, 1]),
    'step_tfjs': (lambda x: 1.0 if x > 0 else 0.0, [-1, 0, 1]),
    # radial
    'sech': (sech, [-1, 0, 2]),
    'mexican_hat': (lambda x: (1 - x * x) * exp(-x * x / 2), [0, 1.5, 3]),
    'tribas': (lambda x: max(0, 1 - abs(x)), [-0.25, 0.5, 2]),
    'multiquadratic': (lambda x: sqrt(x * x + 1), [-2, 0, 1]),
    'inverse_multiquadratic': (lambda x: 1 / sqrt(x * x + 1), [-2, 0, 1]),
    'cauchy': (lambda x: 1 / (1 + x * x), [-2, 0, 0.5]),
    'laplacian': (lambda x: exp(-abs(x)), [-2, 0, 0.5]),
    'sq_rbf': (lambda x: 1 - x * x / 2 if abs(x) <= 1 else (2 - abs(x)) ** 2 / 2 if abs(x) < 2 else 0.0, [-1.5, 0.5, 3]),
    'gaussian_symmetric': (lambda x: 2 * exp(-x * x) - 1, [-1, 0, 2]),
    # periodic
    'gcu': (lambda x: x * math.cos(x), [-2, 0.5, 3]),
    'dsu': (lambda x: pi / 2 * (sinc(x - pi) - sinc(x + pi)), [-2, 0.5, 3]),
    'ssu': (lambda x: pi * sinc(x - pi), [-2, 0.5, 3]),
    'snake_beta': (lambda x: x + math.sin(x) ** 2, [-2, 0.5, 3]),
    'sinc_normalized': (lambda x: sinc(pi * x), [-0.5, 0, 1.5]),
    # linear, shrinkage, other
    'affine': (lambda x: x, [-2, 0, 3.5]),
    'shrink': (lambda x: x if abs(x) > 0.5 else 0.0, [-1, 0.25, 2]),
    'symlog': (lambda x: math.copysign(log(1 + abs(x)), x), [-3, 0.5, 10]),
    'arcsinh': (math.asinh, [-2, 0.5, 3]),
    'square': (lambda x: x * x, [-2, 0.5, 3]),
    'cube': (lambda x: x ** 3, [-2, 0.5, 3]),
    'ncu': (lambda x: x - x ** 3, [-2, 0.5, 3]),
    'squ': (lambda x: x * x + x, [-2, -0.5, 3]),
    'srs': (lambda x: x / (x / 2 + exp(-x / 3)), [-2, 0.5, 3]),
    'rectified_hyperbolic_secant': (lambda x: x * sech(x), [-2, 0.5, 3]),
    'max_x_sigmoid': (lambda x: max(x, sig(x)), [-2, 0.5, 2]),
    'max_x_tanh': (lambda x: max(x, tanh(x)), [-2, 0.5, 2]),
    'cos_minus_x': (lambda x: math.cos(x) - x, [-2, 0.5, 2]),
    'min_x_sin': (lambda x: min(x, math.sin(x)), [-2, 0.5, 2]),
    'atan_sq_minus_x': (lambda x: atan(x) ** 2 - x, [-2, 0.5, 2]),
    'sinc_plus_x': (lambda x: sinc(x) + x, [-2, 0, 2]),
    'x_asinh_sq': (lambda x: x * math.asinh(x) ** 2, [-2, 0.5, 2]),
}

if __name__ == '__main__':
    print(json.dumps({k: [[float(x), float(f(x))] for x in xs] for k, (f, xs) in F.items()}, indent=1))
