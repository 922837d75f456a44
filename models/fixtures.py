"""Test frames for ai-inference, written by models/train.sh after each retraining.

ai-inference/src/test/resources/frames/ gets held-out synthetic frames (a series no training run uses)
as PNG, their true masks, and expected.json: each frame's true lesions and the flags that Debian's
PyTorch gets from the committed TorchScript model on the same PNG, read by the card's rule. The Java
tests check that their own pipeline finds the same flags (same preprocessing, same post-processing)
and that the flags overlap the true lesions.

Frames with lesions are taken in series order among those whose every lesion is plainly visible
(contrast >= 0.5 and at least 0.4% of the frame), because a test must not depend on the model's
borderline cases; the held-out metrics in the card cover those. Lesion-free frames are taken in order.
"""
from __future__ import annotations

import json
import pathlib

import cv2
import torch

from models import metrics, synthetic

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "ai-inference" / "src" / "test" / "resources" / "frames"
SERIES = 424242
OPTIONS = synthetic.Options(width=288, height=224)


def plainly_visible(f):
    return all(l.contrast >= 0.5 and l.area >= 0.004 * f.mask.size for l in f.lesions)


def pick(with_lesions=6, without=4):
    chosen, i = [], 0
    counts = {True: 0, False: 0}
    while counts[True] < with_lesions or counts[False] < without:
        f = synthetic.frame(SERIES, i, OPTIONS)
        has = bool(f.lesions)
        if counts[has] < (with_lesions if has else without) and (not has or plainly_visible(f)):
            chosen.append((i, f))
            counts[has] += 1
        i += 1
    return chosen


def flags_in_frame(model, card, rgb):
    size = card["input"]["width"]
    small = cv2.resize(rgb, (size, size), interpolation=cv2.INTER_LINEAR)
    x = torch.from_numpy(small).permute(2, 0, 1).float().unsqueeze(0) / 255.0
    mean, std = torch.tensor(card["input"]["mean"]).view(1, 3, 1, 1), torch.tensor(card["input"]["std"]).view(1, 3, 1, 1)
    with torch.no_grad():
        p = model((x - mean) / std)[0, 0].numpy()
    t = card["thresholds"]
    sx, sy = rgb.shape[1] / size, rgb.shape[0] / size
    out = []
    for f in metrics.flags(p, t["probability"], t["minLesionAreaPixels"]):
        x0, y0, w, h = f.box
        out.append({"box": [x0 * sx, y0 * sy, (x0 + w) * sx, (y0 + h) * sy], "score": round(f.score, 4), "inputArea": f.area})
    return out


def main():
    cards = sorted((ROOT / "models").glob("*.card.json"))
    card = json.loads(cards[-1].read_text(encoding="utf-8"))
    model = torch.jit.load(str(cards[-1].parent / card["file"]))
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*"):
        old.unlink()
    expected = {"model": {"id": card["id"], "version": card["version"]}, "series": SERIES, "frames": []}
    for index, f in pick():
        name = f"frame-{index:03d}"
        cv2.imwrite(str(OUT / f"{name}.png"), cv2.cvtColor(f.image, cv2.COLOR_RGB2BGR))
        cv2.imwrite(str(OUT / f"{name}-mask.png"), f.mask * 255)
        decoded = cv2.cvtColor(cv2.imread(str(OUT / f"{name}.png"), cv2.IMREAD_COLOR), cv2.COLOR_BGR2RGB)
        expected["frames"].append({
            "image": f"{name}.png", "mask": f"{name}-mask.png",
            "lesions": [{"box": list(l.box), "area": l.area} for l in f.lesions],
            "pythonFlags": flags_in_frame(model, card, decoded)})
    (OUT / "expected.json").write_text(json.dumps(expected, indent=1) + "\n", encoding="utf-8")
    print(f"[fixtures] {len(expected['frames'])} frames in {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
