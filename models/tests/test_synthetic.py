import unittest

import cv2
import numpy as np

from models import synthetic


class SyntheticFramesTest(unittest.TestCase):

    def test_a_frame_is_a_pure_function_of_seed_and_index(self):
        a = synthetic.frame(3, 17)
        b = synthetic.frame(3, 17)
        self.assertTrue(np.array_equal(a.image, b.image))
        self.assertTrue(np.array_equal(a.mask, b.mask))
        self.assertEqual(a.lesions, b.lesions)
        in_series = list(synthetic.frames(3, 18))[17]
        self.assertTrue(np.array_equal(a.image, in_series.image))

    def test_other_seeds_and_indices_give_other_frames(self):
        self.assertFalse(np.array_equal(synthetic.frame(3, 17).image, synthetic.frame(4, 17).image))
        self.assertFalse(np.array_equal(synthetic.frame(3, 17).image, synthetic.frame(3, 18).image))

    def test_mask_components_are_exactly_the_listed_lesions(self):
        for f in synthetic.frames(11, 40):
            count, labels, stats, _ = cv2.connectedComponentsWithStats(f.mask, connectivity=8)
            self.assertEqual(count - 1, len(f.lesions))
            self.assertEqual(int(f.mask.sum()), sum(l.area for l in f.lesions))
            boxes = sorted(tuple(int(v) for v in stats[i][:4]) for i in range(1, count))
            self.assertEqual(boxes, sorted(l.box for l in f.lesions))

    def test_series_has_frames_without_lesions_and_lesions_of_many_sizes_and_looks(self):
        series = list(synthetic.frames(12, 60))
        empty = [f for f in series if not f.lesions]
        self.assertTrue(empty)
        for f in empty:
            self.assertEqual(int(f.mask.sum()), 0)
        lesions = [l for f in series for l in f.lesions]
        areas = [l.area for l in lesions]
        self.assertGreater(max(areas), 8 * min(areas))
        self.assertEqual({l.kind for l in lesions}, {"raised", "flat"})
        self.assertEqual({l.tone for l in lesions}, {"red", "pale"})

    def test_lesions_lie_inside_the_round_field_of_view(self):
        black_corners = 0
        for f in synthetic.frames(13, 30):
            outside = cv2.blur(f.image.max(axis=2).astype(np.float32), (5, 5)) < 12
            self.assertEqual(int((f.mask.astype(bool) & outside).sum()), 0)
            black_corners += bool(outside[:4, :4].all())
        self.assertGreater(black_corners, 5)

    def test_frame_size_follows_the_options(self):
        f = synthetic.frame(1, 0, synthetic.Options(width=200, height=120))
        self.assertEqual(f.image.shape, (120, 200, 3))
        self.assertEqual(f.image.dtype, np.uint8)
        self.assertEqual(f.mask.shape, (120, 200))


if __name__ == "__main__":
    unittest.main()
