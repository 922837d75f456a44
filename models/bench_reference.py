"""The benchmark's reference: the same TorchScript model on the same frames in Debian's PyTorch, one frame
at a time on one thread, through the same pipeline (decode, resize + normalise, forward, flags).

    /usr/bin/python3 -m models.bench_reference CARD FRAMES_DIR --frames N --warmup W > reference.json
"""
from __future__ import annotations

import argparse
import json
import pathlib
import time

import cv2
import numpy as np
import torch

from models import metrics


def main():
    p = argparse.ArgumentParser()
    p.add_argument("card", type=pathlib.Path)
    p.add_argument("frames", type=pathlib.Path)
    p.add_argument("--frames", dest="count", type=int, default=1000)
    p.add_argument("--warmup", type=int, default=50)
    p.add_argument("--threads", type=int, default=1)
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    card = json.loads(args.card.read_text(encoding="utf-8"))
    model = torch.jit.load(str(args.card.parent / card["file"])).eval()
    size = card["input"]["width"]
    mean = np.array(card["input"]["mean"], np.float32).reshape(3, 1, 1)
    std = np.array(card["input"]["std"], np.float32).reshape(3, 1, 1)
    t = card["thresholds"]
    encoded = [f.read_bytes() for f in sorted(args.frames.iterdir()) if f.suffix in (".jpg", ".png")]
    stages = np.zeros(4)
    latencies = []
    flagged = 0
    with torch.no_grad():
        for i in range(args.warmup + args.count):
            data = encoded[i % len(encoded)]
            t0 = time.perf_counter()
            bgr = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
            t1 = time.perf_counter()
            rgb = cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB)
            small = cv2.resize(rgb, (size, size), interpolation=cv2.INTER_LINEAR)
            x = torch.from_numpy(((small.transpose(2, 0, 1).astype(np.float32) / 255.0 - mean) / std)[None])
            t2 = time.perf_counter()
            prob = model(x)[0, 0].numpy()
            t3 = time.perf_counter()
            found = metrics.flags(prob, t["probability"], t["minLesionAreaPixels"])
            t4 = time.perf_counter()
            if i >= args.warmup:
                latencies.append((t4 - t0) * 1000)
                stages += np.array([t1 - t0, t2 - t1, t3 - t2, t4 - t3]) * 1000
                flagged += len(found)
    lat = np.array(latencies)
    print(json.dumps({
        "engine": f"PyTorch {torch.__version__} (Debian), Python, OpenCV {cv2.__version__}",
        "threads": args.threads, "frames": args.count, "flags": flagged,
        "p50": float(np.percentile(lat, 50)), "p99": float(np.percentile(lat, 99)),
        "fps": args.count / (lat.sum() / 1000),
        "decode": stages[0] / args.count, "preprocess": stages[1] / args.count,
        "forward": stages[2] / args.count, "postprocess": stages[3] / args.count}))


if __name__ == "__main__":
    main()
