"""A synthetic endoscopy video for Chromium's fake camera (--use-file-for-fake-video-capture=<file>.y4m).

Browser tests and the live-flags benchmark feed it to the endoscopist's browser as if it came from the tower's
capture card. It holds one held-out synthetic frame (the series models/fixtures.py draws its test frames from),
repeated, so that where the lesion is stays known for every frame the browser samples: --lesion takes the first
frame whose single lesion is plainly visible, --clear the first frame without lesions. Next to the .y4m it writes
<file>.json with the frame size and the true lesion boxes (x, y, width, height; exclusive end).
Run with Debian's python3 (python3-opencv, numpy) from the repository root: python3 -m models.fake_camera OUT.y4m --lesion
"""
from __future__ import annotations

import argparse
import json
import pathlib

import cv2

from models import fixtures, synthetic


def choose(with_lesion: bool):
    i = 0
    while True:
        f = synthetic.frame(fixtures.SERIES, i, fixtures.OPTIONS)
        if with_lesion and len(f.lesions) == 1 and fixtures.plainly_visible(f):
            return f
        if not with_lesion and not f.lesions:
            return f
        i += 1


def write_y4m(path: pathlib.Path, rgb, frames: int, fps: int):
    h, w = rgb.shape[:2]
    i420 = cv2.cvtColor(rgb, cv2.COLOR_RGB2YUV_I420).tobytes()
    with path.open("wb") as out:
        out.write(f"YUV4MPEG2 W{w} H{h} F{fps}:1 Ip A1:1 C420jpeg\n".encode("ascii"))
        for _ in range(frames):
            out.write(b"FRAME\n")
            out.write(i420)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=pathlib.Path)
    kind = parser.add_mutually_exclusive_group(required=True)
    kind.add_argument("--lesion", action="store_true")
    kind.add_argument("--clear", action="store_true")
    parser.add_argument("--frames", type=int, default=30)
    parser.add_argument("--fps", type=int, default=15)
    args = parser.parse_args()
    f = choose(args.lesion)
    write_y4m(args.out, f.image, args.frames, args.fps)
    h, w = f.image.shape[:2]
    args.out.with_suffix(".json").write_text(json.dumps({"width": w, "height": h,
        "lesions": [list(map(int, l.box)) for l in f.lesions]}) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
