import json
import pathlib
import tempfile
import unittest

import cv2
import numpy as np
import torch

from models import data, synthetic, train

MODELS = pathlib.Path(__file__).resolve().parent.parent


class CommittedModelTest(unittest.TestCase):
    """The committed model and card: what ai-inference loads."""

    def setUp(self):
        cards = sorted(MODELS.glob("*.card.json"))
        self.assertTrue(cards, "no model card in models/")
        self.path = cards[-1]
        self.card = json.loads(self.path.read_text(encoding="utf-8"))

    def test_card_has_what_ai_inference_reads_and_states_its_intended_use(self):
        for key in ("id", "version", "file", "input", "output", "thresholds", "trainingData", "metrics"):
            self.assertIn(key, self.card)
        self.assertEqual(self.card["intendedUse"], "demonstration, not for clinical use")
        self.assertEqual(self.card["input"]["channelOrder"], "RGB")
        self.assertEqual(len(self.card["input"]["mean"]), 3)
        for key in ("perLesionSensitivity", "falsePositivesPerImage", "diceMeanOverFramesWithLesions"):
            self.assertIsInstance(self.card["metrics"][key], float)
        self.assertTrue((MODELS / f"{self.card['id']}-{self.card['version']}.md").is_file())

    def test_model_file_is_small_and_gives_probabilities_of_the_input_size(self):
        file = MODELS / self.card["file"]
        self.assertLess(file.stat().st_size, 5 * 1024 * 1024)
        model = torch.jit.load(str(file))
        size = self.card["input"]["width"]
        with torch.no_grad():
            out = model(torch.zeros(1, 3, size, size))
        self.assertEqual(tuple(out.shape), (1, 1, size, size))
        self.assertGreaterEqual(float(out.min()), 0.0)
        self.assertLessEqual(float(out.max()), 1.0)


class TrainingTest(unittest.TestCase):

    def test_a_few_steps_on_a_kvasir_layout_folder_write_a_loadable_model_and_card(self):
        with tempfile.TemporaryDirectory() as tmp:
            root = pathlib.Path(tmp)
            for sub in ("images", "masks"):
                (root / "kvasir" / sub).mkdir(parents=True)
            for i, f in enumerate(synthetic.frames(5, 24, synthetic.Options(width=96, height=80))):
                cv2.imwrite(str(root / "kvasir" / "images" / f"k{i}.jpg"), cv2.cvtColor(f.image, cv2.COLOR_RGB2BGR))
                cv2.imwrite(str(root / "kvasir" / "masks" / f"k{i}.jpg"), f.mask * 255)
            train.main(["--data", str(root / "kvasir"), "--out", str(root / "out"), "--size", "32",
                        "--epochs", "1", "--batch", "4", "--threads", "1", "--version", "0.0.1"])
            card = json.loads((root / "out" / "lesion-unet-0.0.1.card.json").read_text(encoding="utf-8"))
            self.assertEqual(card["trainingData"]["source"], "folder in the Kvasir-SEG layout")
            self.assertEqual(card["input"]["width"], 32)
            self.assertGreater(card["metrics"]["images"], 0)
            self.assertEqual(card["metrics"]["images"] + card["trainingData"]["frames"], 24)
            model = torch.jit.load(str(root / "out" / card["file"]))
            self.assertEqual(tuple(model(torch.zeros(1, 3, 32, 32)).shape), (1, 1, 32, 32))

    def test_folder_without_masks_is_refused_by_name(self):
        with tempfile.TemporaryDirectory() as tmp:
            root = pathlib.Path(tmp)
            (root / "images").mkdir()
            (root / "masks").mkdir()
            cv2.imwrite(str(root / "images" / "a.png"), np.zeros((8, 8, 3), np.uint8))
            with self.assertRaises(SystemExit) as raised:
                data.folder_pairs(root)
            self.assertIn("a.png", str(raised.exception))

    def test_learning_rate_warms_up_then_anneals_to_zero(self):
        rates = [train.peak_lr(p / 100) for p in range(101)]
        self.assertLess(rates[0], rates[5])
        self.assertAlmostEqual(max(rates), 3e-3)
        self.assertEqual(rates[-1], 0.0)
        self.assertTrue(all(a >= b for a, b in zip(rates[5:], rates[6:])))

    def test_held_out_split_is_stable_by_name(self):
        names = [f"img{i}.jpg" for i in range(200)]
        first = [data.held_out(n, 0.2) for n in names]
        self.assertEqual(first, [data.held_out(n, 0.2) for n in names])
        self.assertTrue(20 < sum(first) < 60)


if __name__ == "__main__":
    unittest.main()
