"""PyTorch CPU peer of `npm run bench` (one thread): activation kernels over 1M floats and MLP training
steps per second. Reads one JSON request on stdin, writes one JSON document on stdout."""
import json
import sys
import time

import torch
import torch.nn.functional as F

torch.set_num_threads(1)
torch.manual_seed(0)

KERNELS = {
    'relu': F.relu,
    'leaky_relu': lambda x: F.leaky_relu(x, 0.01),
    'sigmoid': torch.sigmoid,
    'tanh': torch.tanh,
    'elu': F.elu,
    'selu': F.selu,
    'softplus': F.softplus,
    'gelu': F.gelu,
    'silu': F.silu,
    'mish': F.mish,
}


def median_ms(fn, reps):
    fn()
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return times[len(times) // 2]


def kernels(req):
    g = torch.Generator().manual_seed(7)
    x = torch.rand(req['size'], generator=g) * 12 - 6
    out = {}
    for kid in req['ids']:
        f = KERNELS.get(kid)
        if f is None:
            out[kid] = None
            continue
        xr = x.clone().requires_grad_(True)
        dy = torch.ones_like(x)

        def fwd():
            with torch.no_grad():
                f(x)

        def fwd_bwd():
            y = f(xr)
            y.backward(dy)
            xr.grad = None

        out[kid] = {'forwardMs': median_ms(fwd, req['reps']), 'forwardBackwardMs': median_ms(fwd_bwd, req['reps'])}
    return out


def mlp(task):
    g = torch.Generator().manual_seed(11)
    sizes = [task['inputSize']] + task['hidden'] + [task['outputSize']]
    act = torch.tanh if task['activation'] == 'tanh' else torch.relu
    layers = [torch.nn.Linear(a, b) for a, b in zip(sizes[:-1], sizes[1:])]
    params = [p for l in layers for p in l.parameters()]
    opt = torch.optim.SGD(params, lr=task['lr'])
    x = torch.rand(task['batch'], task['inputSize'], generator=g)
    if task['outputSize'] == 1:
        y = (torch.rand(task['batch'], 1, generator=g) > 0.5).float()
        loss_fn = torch.nn.BCEWithLogitsLoss()
    else:
        y = torch.randint(0, task['outputSize'], (task['batch'],), generator=g)
        loss_fn = torch.nn.CrossEntropyLoss()

    def step():
        h = x
        for l in layers[:-1]:
            h = act(l(h))
        loss = loss_fn(layers[-1](h), y)
        opt.zero_grad()
        loss.backward()
        opt.step()

    def window(seconds):
        t0 = time.perf_counter()
        steps = 0
        while True:
            for _ in range(10):
                step()
            steps += 10
            if time.perf_counter() - t0 >= seconds:
                return steps / (time.perf_counter() - t0)

    window(min(0.3, task['seconds']))
    return {'stepsPerSecond': window(task['seconds'])}


def main():
    req = json.load(sys.stdin)
    out = {'torch': torch.__version__, 'threads': torch.get_num_threads()}
    if 'kernels' in req:
        out['kernels'] = kernels(req['kernels'])
    if 'mlp' in req:
        out['mlp'] = [mlp(t) for t in req['mlp']]
    json.dump(out, sys.stdout)


main()
