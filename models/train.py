"""Train the lesion-flag model, export it as TorchScript, measure it on a held-out set, write its card.

    /usr/bin/python3 -m models.train                       # synthetic frames (the committed model)
    /usr/bin/python3 -m models.train --data /path/kvasir   # a folder in the Kvasir-SEG layout
    /usr/bin/python3 -m models.train --evaluate models/lesion-unet-1.0.0.card.json --data DIR

Training is bounded by --epochs and --max-minutes, whichever comes first; the learning rate follows
whichever of the two runs out first, so a run cut short on a busy machine still ends annealed. Every
random choice is seeded, but CPU training is only reproducible to rounding, and a run that meets the time
bound depends on the machine's speed: retraining gives a model of about the same quality, not the same bytes.
"""
from __future__ import annotations

import argparse
import datetime
import json
import math
import pathlib
import platform
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

from models import card, data, metrics
from models.unet import Probabilities, TinyUNet

MODELS = pathlib.Path(__file__).resolve().parent


def arguments(argv):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", type=pathlib.Path, help="a Kvasir-SEG style folder (images/ + masks/); synthetic frames if absent")
    p.add_argument("--id", default="lesion-unet")
    p.add_argument("--version", default="1.0.0")
    p.add_argument("--out", type=pathlib.Path, default=MODELS)
    p.add_argument("--size", type=int, default=128, help="input width and height (a multiple of 8)")
    p.add_argument("--train-frames", type=int, default=1200)
    p.add_argument("--test-frames", type=int, default=400)
    p.add_argument("--epochs", type=int, default=7)
    p.add_argument("--max-minutes", type=float, default=33.0)
    p.add_argument("--batch", type=int, default=16)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--seed", type=int, default=1, help="training series; the held-out series is seed + 1000")
    p.add_argument("--threshold", type=float, default=0.5)
    p.add_argument("--min-area", type=int, default=12, help="smallest flag, in pixels at the input size")
    p.add_argument("--evaluate", type=pathlib.Path, help="only evaluate the model of this card on the held-out set")
    return p.parse_args(argv)


def sets(args):
    if args.data:
        return data.folder_sets(args.data, args.size)
    return (data.synthetic_set(args.seed, args.train_frames, args.size),
            data.synthetic_set(args.seed + 1000, args.test_frames, args.size))


def tensor(images, mean, std):
    x = torch.from_numpy(images).permute(0, 3, 1, 2).float() / 255.0
    return (x - torch.tensor(mean).view(1, 3, 1, 1)) / torch.tensor(std).view(1, 3, 1, 1)


def loss_of(logits, target):
    bce = F.binary_cross_entropy_with_logits(logits, target)
    p = torch.sigmoid(logits)
    inter = (p * target).sum(dim=(1, 2, 3))
    soft_dice = 1 - (2 * inter + 1) / (p.sum(dim=(1, 2, 3)) + target.sum(dim=(1, 2, 3)) + 1)
    return bce + soft_dice.mean()


def peak_lr(progress, peak=3e-3, warmup=0.05):
    if progress < warmup:
        return peak * max(progress / warmup, 0.05)
    return peak * 0.5 * (1 + math.cos(math.pi * min(1.0, (progress - warmup) / (1 - warmup))))


def train(args, images, masks, mean, std, log):
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    net = TinyUNet()
    optimiser = torch.optim.Adam(net.parameters(), lr=3e-3)
    steps = args.epochs * (len(images) // args.batch)
    x_all, y_all = tensor(images, mean, std), torch.from_numpy(masks).float().unsqueeze(1)
    started = time.monotonic()
    budget = args.max_minutes * 60
    deadline = started + budget
    done = 0
    per_epoch = len(images) // args.batch
    for epoch in range(args.epochs):
        order = rng.permutation(len(images))
        total, seen = 0.0, 0
        for start in range(0, len(order) - args.batch + 1, args.batch):
            idx = torch.from_numpy(order[start:start + args.batch])
            x, y = x_all[idx], y_all[idx]
            if rng.uniform() < 0.5:
                x, y = x.flip(3), y.flip(3)
            if rng.uniform() < 0.5:
                x, y = x.flip(2), y.flip(2)
            # warm up, then cosine down to zero over the steps or the time bound, whichever runs out first,
            # so that a run cut short by a busy machine still ends on a low learning rate
            progress = max(done / steps, (time.monotonic() - started) / budget)
            for group in optimiser.param_groups:
                group["lr"] = peak_lr(progress)
            optimiser.zero_grad()
            loss = loss_of(net(x), y)
            loss.backward()
            optimiser.step()
            done += 1
            total += float(loss) * len(idx)
            seen += len(idx)
            if time.monotonic() > deadline:
                break
        log(f"epoch {epoch + 1}: loss {total / max(seen, 1):.4f} over {seen} frames")
        if time.monotonic() > deadline:
            log(f"stopped at the time bound (--max-minutes) after {done} of {steps} steps")
            return net, round(done / max(per_epoch, 1), 2)
    return net, args.epochs


def evaluate(model, images, masks, mean, std, threshold, min_area):
    tally = metrics.Tally()
    empty = metrics.Tally()
    with torch.no_grad():
        for start in range(0, len(images), 32):
            probs = model(tensor(images[start:start + 32], mean, std)).squeeze(1).numpy()
            for p, m in zip(probs, masks[start:start + 32]):
                tally.add(p, m, threshold, min_area)
                if not m.any():
                    empty.add(p, m, threshold, min_area)
    summary = tally.summary()
    summary["framesWithoutLesions"] = empty.images
    summary["falsePositivesPerImageWithoutLesions"] = empty.summary()["falsePositivesPerImage"]
    return summary


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    args = arguments(argv)
    args.argv = list(argv)
    torch.set_num_threads(args.threads)
    log = lambda line: print(f"[train] {line}", file=sys.stderr, flush=True)
    if args.evaluate:
        described = json.loads(args.evaluate.read_text(encoding="utf-8"))
        args.size = described["input"]["width"]
        _, (test_x, test_y) = sets(args)
        model = torch.jit.load(str(args.evaluate.parent / described["file"]))
        t = described["thresholds"]
        print(json.dumps(evaluate(model, test_x, test_y, described["input"]["mean"], described["input"]["std"],
                                  t["probability"], t["minLesionAreaPixels"]), indent=2))
        return
    started = time.monotonic()
    (train_x, train_y), (test_x, test_y) = sets(args)
    mean, std = data.channel_stats(train_x)
    log(f"{len(train_x)} training frames, {len(test_x)} held-out frames at {args.size}x{args.size}; mean {mean} std {std}")
    net, epochs = train(args, train_x, train_y, mean, std, log)
    model = torch.jit.trace(Probabilities(net).eval(), torch.zeros(1, 3, args.size, args.size))
    file = f"{args.id}-{args.version}.pt"
    args.out.mkdir(parents=True, exist_ok=True)
    model.save(str(args.out / file))
    reloaded = torch.jit.load(str(args.out / file))
    measured = evaluate(reloaded, test_x, test_y, mean, std, args.threshold, args.min_area)
    log(f"held-out: {json.dumps(measured)}")
    described = card.describe(args, file, mean, std, epochs, len(train_x), measured,
                              minutes=round((time.monotonic() - started) / 60, 1),
                              environment=f"PyTorch {torch.__version__}, Python {platform.python_version()}, "
                                          f"{args.threads} CPU threads",
                              trained=datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d"))
    card.write(args.out, described)
    log(f"wrote {file} and its card")


if __name__ == "__main__":
    main()
