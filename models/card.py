"""The model card: JSON for ai-inference (which reads it to load and run the model) and Markdown for people.

ai-inference reads: id, version, file, input (width, height, channelOrder, layout, scale, mean, std),
output, thresholds (probability, minLesionAreaPixels). Everything else is for the reader.
"""
from __future__ import annotations

import json
import pathlib

INTENDED_USE = "demonstration, not for clinical use"


def command(args):
    """How to rerun this training: the script and the arguments given (a data folder by its name only)."""
    argv = [a if not args.data or a != str(args.data) else "<folder>" for a in args.argv]
    return " ".join(["models/train.sh"] + argv)


def describe(args, file, mean, std, epochs, train_count, measured, minutes, environment, trained):
    if args.data:
        training = {"source": "folder in the Kvasir-SEG layout", "folder": args.data.name, "frames": train_count,
                    "heldOut": "a stable 20% of the file names (SHA-256 of the name)"}
    else:
        training = {"source": "synthetic endoscopy frames (models/synthetic.py)", "series": args.seed,
                    "frames": train_count, "heldOutSeries": args.seed + 1000, "heldOutFrames": args.test_frames,
                    "note": "no real endoscopy images; performance on real images is unknown"}
    return {
        "id": args.id,
        "version": args.version,
        "file": file,
        "format": "TorchScript",
        "task": "segmentation of suspected lesions (polyps and other neoplasia) on endoscopy frames",
        "intendedUse": INTENDED_USE,
        "input": {"width": args.size, "height": args.size, "channelOrder": "RGB", "layout": "NCHW",
                  "scale": "pixel / 255", "mean": mean, "std": std,
                  "resize": "bilinear on pixel centres, whole frame, aspect ratio not kept"},
        "output": {"shape": "N x 1 x H x W", "meaning": "probability that the pixel belongs to a lesion"},
        "thresholds": {"probability": args.threshold, "minLesionAreaPixels": args.min_area},
        "flagRule": "8-connected components of probability >= threshold with area >= minLesionAreaPixels "
                    "(input pixels); score = the highest probability inside",
        "matchingRule": "a flag is a true positive when its centroid lies inside a reference lesion",
        "trainingData": training,
        "training": {"network": "TinyUNet widths 8-16-32-64", "epochs": epochs, "minutes": minutes,
                     "environment": environment, "date": trained,
                     "command": command(args)},
        "metrics": measured,
    }


METRIC_NAMES = {
    "images": "held-out frames",
    "lesions": "lesions in them",
    "perLesionSensitivity": "per-lesion sensitivity",
    "falsePositivesPerImage": "false positives per frame",
    "diceMeanOverFramesWithLesions": "Dice, mean over frames with lesions",
    "diceGlobal": "Dice over all pixels",
    "framesWithoutLesions": "frames without lesions",
    "falsePositivesPerImageWithoutLesions": "false positives per lesion-free frame",
}


def markdown(c):
    m, i, t = c["metrics"], c["input"], c["thresholds"]
    data = c["trainingData"]
    rows = "\n".join(f"| {METRIC_NAMES.get(k, k)} | {v} |" for k, v in m.items())
    data_rows = "\n".join(f"| {k} | {v} |" for k, v in data.items())
    return f"""# Model card: {c['id']} {c['version']}

**Intended use: {c['intendedUse']}.** This model flags regions of an endoscopy frame that look like
lesions so that the review workflow, the overlays and the inference pipeline can be built and tested.
It was trained on {data['source']}{'; ' + data['note'] if 'note' in data else ''}.
An endoscopist reviews every flag; a flag is never a diagnosis.

| | |
|---|---|
| file | `{c['file']}` ({c['format']}) |
| task | {c['task']} |
| input | {i['layout']}, {i['width']} x {i['height']}, {i['channelOrder']}, {i['scale']}, then (x - mean) / std |
| mean / std | {i['mean']} / {i['std']} |
| resize | {i['resize']} |
| output | {c['output']['shape']}: {c['output']['meaning']} |
| thresholds | probability >= {t['probability']}, area >= {t['minLesionAreaPixels']} input pixels |
| flags | {c['flagRule']} |
| network | {c['training']['network']}, {c['training']['epochs']} epochs, {c['training']['minutes']} min, {c['training']['environment']} |
| trained | {c['training']['date']} with `{c['training']['command']}` |

## Training data
| | |
|---|---|
{data_rows}

## Held-out metrics (at the thresholds above)
Matching: {c['matchingRule']}; every other flag is a false positive.

| metric | value |
|---|---|
{rows}

## Limits
- Synthetic frames are not endoscopy: colours, textures and lesion shapes are drawn by a program.
  Sensitivity on real polyps is unmeasured. Retrain on real, consented, de-identified data in the
  Kvasir-SEG layout (`models/train.sh --data <folder>`) and re-measure before any use with patients.
- Frames are squeezed to {i['width']} x {i['height']}; lesions smaller than about
  {t['minLesionAreaPixels']} input pixels are not flagged.
"""


def main():
    """Rewrites the Markdown card from its JSON: python3 -m models.card models/ID-VERSION.card.json"""
    import sys
    path = pathlib.Path(sys.argv[1])
    c = json.loads(path.read_text(encoding="utf-8"))
    (path.parent / f"{c['id']}-{c['version']}.md").write_text(markdown(c), encoding="utf-8")


def write(out: pathlib.Path, c):
    stem = f"{c['id']}-{c['version']}"
    (out / f"{stem}.card.json").write_text(json.dumps(c, indent=2) + "\n", encoding="utf-8")
    (out / f"{stem}.md").write_text(markdown(c), encoding="utf-8")


if __name__ == "__main__":
    main()
