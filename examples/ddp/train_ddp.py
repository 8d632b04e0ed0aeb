"""Train a model exported by `actlab export --to pytorch` with DistributedDataParallel, and report in actlab's format.

When: the data or the model outgrow one machine (actlab trains on one CPU). The exported file carries the
architecture, the activations (as torch.nn.Modules with their learnable parameters) and the standardiser;
this script trains it across processes — here two processes on 127.0.0.1 with the gloo backend (CPU); on a
cluster, start one process per machine with torchrun and the same --backend/--master-addr.

    actlab train --data iris --activation prelu --learn-params per-unit --save iris.json --save-data data
    actlab export iris.json --to pytorch --out model.py
    /usr/bin/python3 examples/ddp/train_ddp.py --model model.py --train data/train.csv --test data/test.csv

Prints one JSON document like `actlab train --json`: {"final": {...}, "history": [...], "workers": 2, ...}.
--reinit starts from fresh weights (the exported ones otherwise); --save writes the trained state_dict.
"""
import argparse
import importlib.util
import json
import os
import sys

import torch
import torch.distributed as dist
import torch.multiprocessing as mp
import torch.nn.functional as F
from torch.nn.parallel import DistributedDataParallel as DDP
from torch.utils.data import DataLoader, DistributedSampler, TensorDataset


def load_module(path):
    spec = importlib.util.spec_from_file_location("actlab_exported_model", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def read_split(mod, path):
    """Features matched by name (mod.FEATURES); the target column is the last column not among them."""
    import csv
    with open(path, newline="") as f:
        rows = [r for r in csv.reader(f) if r and any(c.strip() for c in r)]
    header = [c.strip() for c in rows[0]]
    idx = [header.index(c) for c in mod.FEATURES]
    t = max(j for j, c in enumerate(header) if c not in mod.FEATURES)
    x = torch.tensor([[float(r[j]) for j in idx] for r in rows[1:]], dtype=torch.float32)
    if mod.CLASSES is not None:
        y = torch.tensor([mod.CLASSES.index(r[t].strip()) for r in rows[1:]], dtype=torch.long)
    else:
        y = torch.tensor([float(r[t]) for r in rows[1:]], dtype=torch.float32)
    return x, y


def loss_and_correct(mod, logits, y):
    if mod.LOSS == "categorical_crossentropy":
        return F.cross_entropy(logits, y, reduction="sum"), (logits.argmax(1) == y).sum().item()
    if mod.LOSS == "binary_crossentropy":
        z = logits[:, 0]
        return F.binary_cross_entropy_with_logits(z, y.float(), reduction="sum"), ((z >= 0).long() == y).sum().item()
    return F.mse_loss(logits[:, 0], y, reduction="sum"), None


def evaluate(mod, model, x, y):
    with torch.no_grad():
        loss, correct = loss_and_correct(mod, model.logits(x), y)
    n = x.shape[0]
    return loss.item() / n, (None if correct is None else correct / n)


def worker(rank, args, out_path):
    os.environ["MASTER_ADDR"] = "127.0.0.1"
    os.environ.setdefault("GLOO_SOCKET_IFNAME", "lo")
    os.environ["MASTER_PORT"] = str(args.port)
    dist.init_process_group(args.backend, rank=rank, world_size=args.world_size)
    torch.manual_seed(args.seed)
    mod = load_module(args.model)
    model = mod.load_model()
    if args.reinit:
        for layer in model.layers:
            layer.reset_parameters()
    model.train()
    xtr, ytr = read_split(mod, args.train)
    xte, yte = read_split(mod, args.test)

    class Logits(torch.nn.Module):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, x):
            return self.inner.logits(x)

    ddp = DDP(Logits(model))
    sampler = DistributedSampler(TensorDataset(xtr, ytr), num_replicas=args.world_size, rank=rank, shuffle=True, seed=args.seed)
    loader = DataLoader(TensorDataset(xtr, ytr), batch_size=args.batch, sampler=sampler)
    opt = torch.optim.Adam(ddp.parameters(), lr=args.lr)
    history = []
    for epoch in range(1, args.epochs + 1):
        sampler.set_epoch(epoch)
        for xb, yb in loader:
            opt.zero_grad()
            loss, _ = loss_and_correct(mod, ddp(xb), yb)
            (loss / xb.shape[0]).backward()
            opt.step()
        if rank == 0:
            model.eval()
            tl, ta = evaluate(mod, model, xtr, ytr)
            vl, va = evaluate(mod, model, xte, yte)
            model.train()
            rec = {"epoch": epoch, "trainLoss": tl, "testLoss": vl}
            if ta is not None:
                rec.update({"trainAccuracy": ta, "testAccuracy": va})
            history.append(rec)
    # every rank holds the same weights after DDP's all-reduce: check it
    flat = torch.cat([p.detach().reshape(-1) for p in model.parameters()])
    gathered = [torch.zeros_like(flat) for _ in range(args.world_size)]
    dist.all_gather(gathered, flat)
    if rank == 0:
        final = {k: v for k, v in history[-1].items() if k != "epoch"}
        doc = {
            "final": final,
            "history": history,
            "workers": args.world_size,
            "backend": args.backend,
            "replicasAgree": all(torch.equal(g, gathered[0]) for g in gathered),
            "trainRows": xtr.shape[0],
            "testRows": xte.shape[0],
        }
        if args.save:
            torch.save(model.state_dict(), args.save)
        with open(out_path, "w") as f:
            json.dump(doc, f)
    dist.destroy_process_group()


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--model", required=True, help="model.py written by actlab export --to pytorch")
    p.add_argument("--train", required=True, help="train.csv (actlab train --save-data)")
    p.add_argument("--test", required=True, help="test.csv")
    p.add_argument("--epochs", type=int, default=20)
    p.add_argument("--batch", type=int, default=16, help="per-process mini-batch")
    p.add_argument("--lr", type=float, default=0.01)
    p.add_argument("--world-size", type=int, default=2)
    p.add_argument("--backend", default="gloo")
    p.add_argument("--port", type=int, default=29511)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--reinit", action="store_true", help="start from fresh weights instead of the exported ones")
    p.add_argument("--save", help="write the trained state_dict here")
    args = p.parse_args()
    torch.set_num_threads(1)
    import tempfile
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "result.json")
        mp.spawn(worker, args=(args, out), nprocs=args.world_size, join=True)
        with open(out) as f:
            sys.stdout.write(json.dumps(json.load(f)) + "\n")


if __name__ == "__main__":
    main()
