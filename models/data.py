"""Training and held-out sets: synthetic series, or a folder in the Kvasir-SEG layout.

Kvasir-SEG layout: ``images/NAME.jpg|png`` and ``masks/NAME.jpg|png`` with the same NAME; a mask is
white where the lesion is (JPEG masks are thresholded at half grey). Every frame is resized to the
model's input size with bilinear interpolation on pixel centres (cv2.INTER_LINEAR), which is what the
Java preprocessing does, so the model sees in training what it sees in production.
"""
from __future__ import annotations

import hashlib
import pathlib

import cv2
import numpy as np

from models import synthetic

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".bmp", ".tif", ".tiff")


def resize(image: np.ndarray, mask: np.ndarray, size: int):
    image = cv2.resize(image, (size, size), interpolation=cv2.INTER_LINEAR)
    mask = cv2.resize(mask, (size, size), interpolation=cv2.INTER_NEAREST)
    return image, mask


def synthetic_set(seed: int, count: int, size: int):
    """``count`` frames of the synthetic series ``seed`` as (N x S x S x 3 uint8 RGB, N x S x S uint8 0/1).

    Frames are 256 pixels high and 256 to 372 wide (square to wider than 16:11), because scopes and video
    grabbers deliver wide frames with black bars beside the round field of view, and the model sees every
    frame squeezed to a square; a model trained on square frames only flags the rim of wide ones.
    """
    images, masks = [], []
    for i in range(count):
        width = int(256 * np.random.default_rng([seed, i, 1]).uniform(1.0, 1.45)) // 2 * 2
        f = synthetic.frame(seed, i, synthetic.Options(width=width, height=256))
        image, mask = resize(f.image, f.mask, size)
        images.append(image)
        masks.append(mask)
    return np.stack(images), np.stack(masks)


def folder_pairs(root: pathlib.Path):
    """The (image, mask) paths of a Kvasir-SEG style folder, sorted by name; fails on a missing mask."""
    images = sorted(p for p in (root / "images").iterdir() if p.suffix.lower() in IMAGE_SUFFIXES)
    if not images:
        raise SystemExit(f"no images under {root / 'images'}")
    masks = {p.stem: p for p in (root / "masks").iterdir() if p.suffix.lower() in IMAGE_SUFFIXES}
    missing = [p.name for p in images if p.stem not in masks]
    if missing:
        raise SystemExit(f"{len(missing)} images have no mask under {root / 'masks'}, e.g. {missing[0]}")
    return [(p, masks[p.stem]) for p in images]


def held_out(name: str, share: float) -> bool:
    """A stable split by file name, so that adding images never moves old ones between sets."""
    digest = hashlib.sha256(name.encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") / 2 ** 32 < share


def folder_sets(root: pathlib.Path, size: int, test_share: float = 0.2):
    """(train images, train masks), (held-out images, held-out masks) from a Kvasir-SEG style folder."""
    sets = {False: ([], []), True: ([], [])}
    for image_path, mask_path in folder_pairs(root):
        image = cv2.imread(str(image_path), cv2.IMREAD_COLOR)
        mask = cv2.imread(str(mask_path), cv2.IMREAD_GRAYSCALE)
        if image is None or mask is None:
            raise SystemExit(f"cannot read {image_path.name} or its mask")
        image, mask = resize(cv2.cvtColor(image, cv2.COLOR_BGR2RGB), (mask > 127).astype(np.uint8), size)
        images, masks = sets[held_out(image_path.name, test_share)]
        images.append(image)
        masks.append(mask)
    if not sets[True][0] or not sets[False][0]:
        raise SystemExit("the folder has too few images for a training and a held-out set")
    return tuple((np.stack(i), np.stack(m)) for i, m in (sets[False], sets[True]))


def channel_stats(images: np.ndarray):
    """Per-channel mean and standard deviation of pixel/255 over a set (what the card's normalisation is)."""
    scaled = images.reshape(-1, 3).astype(np.float64) / 255.0
    return scaled.mean(axis=0).round(4).tolist(), scaled.std(axis=0).round(4).tolist()
