"""Held-out metrics for lesion flags, computed the way the Java post-processing reads the model.

A flag is a connected component (8-connected) of the probability map at or above the card's
probability threshold, kept when its area reaches the card's minimum lesion area. Matching follows the
polyp-detection convention: a flag is a true positive when its centroid lies inside a reference lesion;
each reference lesion is found at most once; every other flag is a false positive.
"""
from __future__ import annotations

import dataclasses

import cv2
import numpy as np


@dataclasses.dataclass(frozen=True)
class Flag:
    box: tuple        # x, y, width, height
    area: int
    score: float      # the highest probability inside the component
    centroid: tuple   # x, y


def flags(probability: np.ndarray, threshold: float, min_area: int):
    """The flags of one H x W probability map."""
    binary = (probability >= threshold).astype(np.uint8)
    count, labels, stats, centroids = cv2.connectedComponentsWithStats(binary, connectivity=8)
    found = []
    for label in range(1, count):
        x, y, w, h, area = (int(v) for v in stats[label])
        if area < min_area:
            continue
        score = float(probability[labels == label].max())
        found.append(Flag((x, y, w, h), area, score, (float(centroids[label][0]), float(centroids[label][1]))))
    return found


@dataclasses.dataclass
class Tally:
    """Running counts over a held-out set."""
    images: int = 0
    lesions: int = 0
    found: int = 0
    false_positives: int = 0
    dice_sum: float = 0.0
    dice_images: int = 0
    intersection: int = 0
    total: int = 0

    def add(self, probability: np.ndarray, truth: np.ndarray, threshold: float, min_area: int):
        truth = (truth > 0).astype(np.uint8)
        count, labels = cv2.connectedComponents(truth, connectivity=8)
        self.images += 1
        self.lesions += count - 1
        hit = set()
        for flag in flags(probability, threshold, min_area):
            x, y = (min(int(round(c)), s - 1) for c, s in zip(flag.centroid, (truth.shape[1], truth.shape[0])))
            label = int(labels[y, x])
            if label == 0 or label in hit:
                self.false_positives += 1
            else:
                hit.add(label)
        self.found += len(hit)
        predicted = (probability >= threshold).astype(np.uint8)
        inter, both = int((predicted & truth).sum()), int(predicted.sum() + truth.sum())
        self.intersection += inter
        self.total += both
        if truth.any():
            self.dice_sum += dice(predicted, truth)
            self.dice_images += 1

    def summary(self):
        return {
            "images": self.images,
            "lesions": self.lesions,
            "perLesionSensitivity": round(self.found / self.lesions, 4) if self.lesions else None,
            "falsePositivesPerImage": round(self.false_positives / self.images, 4) if self.images else None,
            "diceMeanOverFramesWithLesions": round(self.dice_sum / self.dice_images, 4) if self.dice_images else None,
            "diceGlobal": round(2 * self.intersection / self.total, 4) if self.total else None,
        }


def dice(predicted: np.ndarray, truth: np.ndarray) -> float:
    """Dice of two binary masks; 1.0 when both are empty."""
    p, t = predicted > 0, truth > 0
    total = int(p.sum() + t.sum())
    return 1.0 if total == 0 else 2.0 * int((p & t).sum()) / total
