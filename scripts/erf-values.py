#!/usr/bin/env python3
"""Writes test/fixtures/erf-values.json: Python's math.erf and math.erfc (the C library's, correctly
rounded or within 1 ulp) at points covering every interval of src/util/special.ts, including the far
tails, as [x, erf(x), erfc(x)] rows. The test holds src/util/special.ts to these values.

Run: python3 scripts/erf-values.py
"""
import json
import math
import os

xs = set()
for v in [0.0, 1e-300, 1e-30, 1e-17, 2.0**-28, 1e-8, 1e-4, 0.01, 0.1, 0.25, 0.5, 0.6174, 0.84375, 0.9, 1.0, 1.1, 1.25,
          1.5, 2.0, 2.5, 2.857142857142857, 3.0, 3.5, 4.0, 5.0, 5.9, 6.0, 7.0, 10.0, 15.0, 20.0, 25.0, 26.0, 26.5, 27.0,
          27.5, 28.0, 30.0, 1e3, 1e300]:
    xs.add(v)
for i in range(1, 400):
    xs.add(i * 0.0713)  # a regular grid through [0, 28.5], off the interval boundaries
rows = []
for v in sorted(xs):
    for x in ([v, -v] if v != 0 else [v]):
        rows.append([x, math.erf(x), math.erfc(x)])
path = os.path.join(os.path.dirname(__file__), '..', 'test', 'fixtures', 'erf-values.json')
with open(path, 'w') as f:
    json.dump({'source': 'Python ' + '.'.join(map(str, __import__('sys').version_info[:3])) + ' math.erf / math.erfc', 'rows': rows}, f)
    f.write('\n')
print(f'wrote {len(rows)} rows to {os.path.normpath(path)}')
