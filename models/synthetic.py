"""Synthetic endoscopy frames with pixel-exact lesion masks.

No real endoscopy data can be had where this project is built, so the demonstration model learns from
frames drawn here. Each frame is built in layers, in the order light meets the scene:

1. mucosa: a pink-red base colour with multi-scale smooth noise (the glandular surface texture);
2. folds: curved darker bands with a lit rim, arranged around the lumen as in the colon;
3. vessels: thin branching darker-red lines under the surface, softened;
4. lesions (0..3): raised or flat blobs with an irregular outline (a circle perturbed by random
   harmonics), redder or paler than the mucosa, at a chosen contrast, with a surface pit pattern and
   shading that makes raised ones look raised; their union is the mask;
5. the lumen: a dark, soft-edged hole far from the light;
6. lighting: falloff away from the light source, vignetting and the scope's circular field of view;
7. specular highlights: small saturated white spots (also on lesions; they do not change the mask);
8. optics and sensor: optional defocus or motion blur, then sensor noise.

A frame is a pure function of (seed, index): ``frame(seed, i)`` gives the same pixels on every
machine with the same numpy/OpenCV, whatever order frames are drawn in. Lesions never touch one
another and always lie inside the field of view, so the connected components of the mask are exactly
the lesions listed in ``Frame.lesions``.
"""
from __future__ import annotations

import dataclasses
import math

import cv2
import numpy as np


@dataclasses.dataclass(frozen=True)
class Lesion:
    """One drawn lesion: its bounding box (x, y, width, height; exclusive end), area and look."""
    box: tuple
    area: int
    kind: str        # "raised" or "flat"
    tone: str        # "red" or "pale"
    contrast: float  # 0..1, how far its colour is from the mucosa


@dataclasses.dataclass(frozen=True)
class Frame:
    image: np.ndarray   # H x W x 3, uint8, RGB
    mask: np.ndarray    # H x W, uint8, 1 inside a lesion, 0 elsewhere
    lesions: tuple      # of Lesion


@dataclasses.dataclass(frozen=True)
class Options:
    width: int = 256
    height: int = 256
    lesion_probability: float = 0.7   # share of frames with at least one lesion
    max_lesions: int = 3
    min_radius: float = 0.03          # lesion radius as a share of the shorter side
    max_radius: float = 0.16


def frame(seed: int, index: int, options: Options = Options()) -> Frame:
    """The frame number ``index`` of the series ``seed``."""
    rng = np.random.default_rng([seed, index])
    h, w = options.height, options.width
    fov = _field_of_view(rng, h, w)
    image = _mucosa(rng, h, w)
    lumen = (rng.uniform(0.25, 0.75) * w, rng.uniform(0.25, 0.75) * h)
    image = _folds(rng, image, lumen)
    image = _vessels(rng, image)
    image, mask, lesions = _lesions(rng, image, fov, lumen, options)
    image = _lumen(rng, image, lumen)
    image = _lighting(rng, image, lumen, fov)
    image = _highlights(rng, image, fov)
    image = _optics(rng, image)
    return Frame(np.clip(image, 0, 255).astype(np.uint8), mask, tuple(lesions))


def frames(seed: int, count: int, options: Options = Options()):
    """``count`` frames of the series ``seed``, in order."""
    for i in range(count):
        yield frame(seed, i, options)


def _smooth_noise(rng, h, w, cells):
    """Value noise: random values on a coarse grid, bicubically upsampled; roughly in [-1, 1]."""
    coarse = rng.uniform(-1, 1, (max(2, h // cells), max(2, w // cells))).astype(np.float32)
    return cv2.resize(coarse, (w, h), interpolation=cv2.INTER_CUBIC)


def _mucosa(rng, h, w):
    base = np.array([rng.uniform(170, 225), rng.uniform(80, 125), rng.uniform(70, 110)], np.float32)
    texture = sum(_smooth_noise(rng, h, w, c) * a for c, a in ((64, 0.5), (16, 0.3), (4, 0.2)))
    shade = 1.0 + 0.12 * texture
    image = base[None, None, :] * shade[:, :, None]
    # a slightly yellower or bluer cast from one region to another, as with bile or oedema
    cast = _smooth_noise(rng, h, w, 96) * rng.uniform(0, 12)
    image[:, :, 1] += cast
    return image


def _folds(rng, image, lumen):
    h, w, _ = image.shape
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    dx, dy = xx - lumen[0], yy - lumen[1]
    r = np.sqrt(dx * dx + dy * dy)
    theta = np.arctan2(dy, dx)
    wobble = sum(np.sin(theta * k + rng.uniform(0, 2 * math.pi)) * rng.uniform(0, 6) for k in (2, 3, 5))
    period = rng.uniform(28, 60) * min(h, w) / 256
    phase = (r + wobble) / period + rng.uniform(0, 1)
    wave = np.sin(2 * math.pi * phase)
    # darker valleys, a lit rim on the side facing the light
    shade = 1.0 - rng.uniform(0.08, 0.25) * np.clip(-wave, 0, 1) ** 2 + 0.06 * np.clip(wave, 0, 1) ** 4
    return image * shade[:, :, None].astype(np.float32)


def _vessels(rng, image):
    h, w, _ = image.shape
    layer = np.zeros((h, w), np.float32)
    for _ in range(rng.integers(2, 9)):
        x, y = rng.uniform(0, w), rng.uniform(0, h)
        angle = rng.uniform(0, 2 * math.pi)
        points = [(x, y)]
        for _ in range(rng.integers(8, 30)):
            angle += rng.normal(0, 0.45)
            step = rng.uniform(3, 9)
            x, y = x + step * math.cos(angle), y + step * math.sin(angle)
            points.append((x, y))
        pts = np.array(points, np.int32).reshape(-1, 1, 2)
        cv2.polylines(layer, [pts], False, float(rng.uniform(0.4, 1.0)), int(rng.integers(1, 3)), cv2.LINE_AA)
    layer = cv2.GaussianBlur(layer, (0, 0), 0.8)
    colour = np.array([-60, -45, -15], np.float32) * rng.uniform(0.3, 1.0)
    return image + layer[:, :, None] * colour[None, None, :]


def _outline(rng, cx, cy, radius, elongation, rotation):
    """An irregular closed outline: a circle whose radius wavers with a few random harmonics."""
    t = np.linspace(0, 2 * math.pi, 72, endpoint=False)
    wobble = 1.0 + sum(rng.uniform(0, 0.18 / k) * np.sin(k * t + rng.uniform(0, 2 * math.pi)) for k in (2, 3, 4, 6))
    rx, ry = radius * wobble * elongation, radius * wobble / elongation
    x, y = rx * np.cos(t), ry * np.sin(t)
    c, s = math.cos(rotation), math.sin(rotation)
    return np.stack([cx + c * x - s * y, cy + s * x + c * y], axis=1)


def _lesions(rng, image, fov, lumen, options):
    h, w, _ = image.shape
    mask = np.zeros((h, w), np.uint8)
    lesions = []
    if rng.uniform() >= options.lesion_probability:
        return image, mask, lesions
    wanted = int(rng.integers(1, options.max_lesions + 1))
    keep_out = np.zeros((h, w), np.uint8)  # lesions plus a margin, so that no two ever touch
    side = min(h, w)
    for _ in range(wanted * 8):
        if len(lesions) == wanted:
            break
        radius = side * math.exp(rng.uniform(math.log(options.min_radius), math.log(options.max_radius)))
        cx, cy = rng.uniform(0, w), rng.uniform(0, h)
        outline = _outline(rng, cx, cy, radius, rng.uniform(0.7, 1.4), rng.uniform(0, math.pi))
        one = np.zeros((h, w), np.uint8)
        cv2.fillPoly(one, [np.round(outline).astype(np.int32)], 1)
        area = int(one.sum())
        if area < 12 or (one & keep_out).any() or (one & (1 - fov)).any():
            continue
        if math.hypot(cx - lumen[0], cy - lumen[1]) < radius + 0.06 * side:
            continue  # not inside the dark lumen, where nothing can be seen
        lesion = _paint_lesion(rng, image, one, radius)
        mask |= one
        margin = max(3, int(radius * 0.3))
        keep_out |= cv2.dilate(one, np.ones((2 * margin + 1, 2 * margin + 1), np.uint8))
        ys, xs = np.nonzero(one)
        box = (int(xs.min()), int(ys.min()), int(xs.max() - xs.min() + 1), int(ys.max() - ys.min() + 1))
        lesions.append(dataclasses.replace(lesion, box=box, area=area))
    return image, mask, lesions


def _paint_lesion(rng, image, one, radius):
    h, w, _ = image.shape
    kind = "raised" if rng.uniform() < 0.65 else "flat"
    tone = "red" if rng.uniform() < 0.6 else "pale"
    contrast = float(rng.uniform(0.25, 1.0))
    soft = cv2.GaussianBlur(one.astype(np.float32), (0, 0), max(0.8, radius * 0.12))
    inside = np.clip(soft * 1.6, 0, 1) * one + soft * (1 - one) * 0.5
    if tone == "red":
        delta = np.array([25, -35, -30], np.float32)
    else:
        delta = np.array([25, 40, 35], np.float32)
    pits = _smooth_noise(rng, h, w, max(2, int(radius / 4)))
    colour = delta * contrast
    image += inside[:, :, None] * (colour[None, None, :] * (1 + 0.25 * pits[:, :, None]))
    if kind == "raised":
        # light from the upper left: the surface gradient of the dome lights one side, darkens the other
        dome = cv2.GaussianBlur(one.astype(np.float32), (0, 0), max(1.0, radius * 0.35))
        gy, gx = np.gradient(dome)
        light = -(gx + gy) * radius * rng.uniform(0.6, 1.2)
        image *= (1 + np.clip(light, -0.35, 0.35) * np.maximum(inside, 0.3))[:, :, None]
    return Lesion(box=(0, 0, 0, 0), area=0, kind=kind, tone=tone, contrast=round(contrast, 3))


def _lumen(rng, image, lumen):
    h, w, _ = image.shape
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    r = np.hypot(xx - lumen[0], yy - lumen[1]) / min(h, w)
    size = rng.uniform(0.04, 0.12)
    dark = np.clip(1 - r / size, 0, 1) ** 1.5
    return image * (1 - 0.85 * dark)[:, :, None]


def _field_of_view(rng, h, w):
    """The scope's round field of view: 1 inside, 0 in the black corners."""
    fov = np.zeros((h, w), np.uint8)
    radius = int(min(h, w) * rng.uniform(0.55, 0.75))
    cv2.circle(fov, (w // 2, h // 2), radius, 1, -1)
    return fov


def _lighting(rng, image, lumen, fov):
    h, w, _ = image.shape
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    # the light sits by the lens: the wall far from the lumen is near and bright, the lumen side dim
    away = np.hypot(xx - lumen[0], yy - lumen[1]) / max(h, w)
    falloff = 0.55 + 0.45 * np.clip(away * rng.uniform(1.2, 2.0), 0, 1)
    centre = np.hypot(xx - w / 2, yy - h / 2) / (0.5 * math.hypot(h, w))
    vignette = 1 - rng.uniform(0.2, 0.5) * centre ** 2
    edge = cv2.GaussianBlur(fov.astype(np.float32), (0, 0), 2.0)
    gain = rng.uniform(0.75, 1.15)
    return image * (gain * falloff * vignette * edge)[:, :, None]


def _highlights(rng, image, fov):
    h, w, _ = image.shape
    spots = np.zeros((h, w), np.float32)
    for _ in range(rng.integers(2, 14)):
        centre = (int(rng.uniform(0, w)), int(rng.uniform(0, h)))
        axes = (int(rng.uniform(1, 6)), int(rng.uniform(1, 4)))
        cv2.ellipse(spots, centre, axes, rng.uniform(0, 180), 0, 360, 1.0, -1, cv2.LINE_AA)
    spots = cv2.GaussianBlur(spots, (0, 0), 1.0) * fov
    return image * (1 - spots[:, :, None]) + 255 * spots[:, :, None]


def _optics(rng, image):
    choice = rng.uniform()
    if choice < 0.25:
        image = cv2.GaussianBlur(image, (0, 0), rng.uniform(0.6, 1.8))
    elif choice < 0.4:
        length = int(rng.integers(3, 9))
        kernel = np.zeros((length, length), np.float32)
        kernel[length // 2, :] = 1.0 / length
        rotation = cv2.getRotationMatrix2D((length / 2 - 0.5, length / 2 - 0.5), rng.uniform(0, 180), 1.0)
        kernel = cv2.warpAffine(kernel, rotation, (length, length))
        image = cv2.filter2D(image, -1, kernel / max(kernel.sum(), 1e-6))
    return image + rng.normal(0, rng.uniform(1.0, 4.0), image.shape).astype(np.float32)


def main():
    import argparse
    import pathlib
    parser = argparse.ArgumentParser(description="Write synthetic frames in the Kvasir-SEG layout (images/ + masks/).")
    parser.add_argument("out", type=pathlib.Path)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--count", type=int, default=16)
    parser.add_argument("--size", type=int, nargs=2, default=(256, 256), metavar=("WIDTH", "HEIGHT"))
    parser.add_argument("--lesion-probability", type=float, default=Options.lesion_probability)
    parser.add_argument("--format", choices=("png", "jpg"), default="png", help="of the images; masks are always PNG")
    args = parser.parse_args()
    options = Options(width=args.size[0], height=args.size[1], lesion_probability=args.lesion_probability)
    (args.out / "images").mkdir(parents=True, exist_ok=True)
    (args.out / "masks").mkdir(parents=True, exist_ok=True)
    for i, f in enumerate(frames(args.seed, args.count, options)):
        name = f"frame-{args.seed}-{i:04d}"
        cv2.imwrite(str(args.out / "images" / f"{name}.{args.format}"), cv2.cvtColor(f.image, cv2.COLOR_RGB2BGR),
                    [cv2.IMWRITE_JPEG_QUALITY, 90])
        cv2.imwrite(str(args.out / "masks" / f"{name}.png"), f.mask * 255)


if __name__ == "__main__":
    main()
