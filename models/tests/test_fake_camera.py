"""The fake camera video: a y4m Chromium can play, and the lesion boxes next to it match the frame's mask."""
import json
import pathlib
import subprocess
import sys
import tempfile
import unittest

from models import fake_camera


class FakeCameraTest(unittest.TestCase):

    def test_the_video_holds_the_frame_and_the_sidecar_names_its_lesion(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = pathlib.Path(tmp) / "lesion.y4m"
            subprocess.run([sys.executable, "-m", "models.fake_camera", str(out), "--lesion", "--frames", "3"], check=True)
            data = out.read_bytes()
            header, _, rest = data.partition(b"\n")
            self.assertEqual(b"YUV4MPEG2 W288 H224 F15:1 Ip A1:1 C420jpeg", header)
            self.assertEqual(3 * (len(b"FRAME\n") + 288 * 224 * 3 // 2), len(rest))
            truth = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
            self.assertEqual(1, len(truth["lesions"]))
            x, y, w, h = truth["lesions"][0]
            mask = fake_camera.choose(True).mask
            self.assertGreater(mask[y:y + h, x:x + w].sum(), 0.3 * w * h)

    def test_the_clear_video_has_no_lesion(self):
        self.assertEqual((), fake_camera.choose(False).lesions)


if __name__ == "__main__":
    unittest.main()
