import unittest

import numpy as np

from models import metrics


def square(mask, x, y, size, value=1.0):
    mask[y:y + size, x:x + size] = value
    return mask


class MetricsTest(unittest.TestCase):

    def test_flags_are_components_above_threshold_with_enough_area(self):
        p = np.zeros((32, 32), np.float32)
        square(p, 2, 2, 5, 0.9)
        square(p, 20, 20, 2, 0.95)      # 4 pixels: below the minimum area
        square(p, 12, 2, 5, 0.4)        # below the threshold
        p[4, 4] = 0.99
        found = metrics.flags(p, 0.5, 5)
        self.assertEqual(len(found), 1)
        self.assertEqual(found[0].box, (2, 2, 5, 5))
        self.assertEqual(found[0].area, 25)
        self.assertAlmostEqual(found[0].score, 0.99, places=5)

    def test_diagonal_neighbours_join_one_component(self):
        p = np.zeros((8, 8), np.float32)
        p[1, 1] = p[2, 2] = p[3, 3] = 1.0
        self.assertEqual(len(metrics.flags(p, 0.5, 1)), 1)

    def test_a_perfect_prediction_finds_every_lesion_with_no_false_positive(self):
        truth = square(square(np.zeros((40, 40), np.uint8), 2, 2, 6), 20, 20, 8)
        tally = metrics.Tally()
        tally.add(truth.astype(np.float32), truth, 0.5, 4)
        tally.add(np.zeros((40, 40), np.float32), np.zeros((40, 40), np.uint8), 0.5, 4)
        s = tally.summary()
        self.assertEqual(s["lesions"], 2)
        self.assertEqual(s["perLesionSensitivity"], 1.0)
        self.assertEqual(s["falsePositivesPerImage"], 0.0)
        self.assertEqual(s["diceMeanOverFramesWithLesions"], 1.0)

    def test_a_flag_beside_the_lesion_is_a_false_positive_and_the_lesion_is_missed(self):
        truth = square(np.zeros((40, 40), np.uint8), 2, 2, 6)
        p = square(np.zeros((40, 40), np.float32), 25, 25, 6)
        tally = metrics.Tally()
        tally.add(p, truth, 0.5, 4)
        s = tally.summary()
        self.assertEqual(s["perLesionSensitivity"], 0.0)
        self.assertEqual(s["falsePositivesPerImage"], 1.0)
        self.assertEqual(s["diceGlobal"], 0.0)

    def test_two_flags_on_one_lesion_count_it_once_and_the_second_as_false_positive(self):
        truth = square(np.zeros((40, 40), np.uint8), 0, 0, 20)
        p = square(square(np.zeros((40, 40), np.float32), 2, 2, 4), 12, 12, 4)
        tally = metrics.Tally()
        tally.add(p, truth, 0.5, 4)
        self.assertEqual(tally.found, 1)
        self.assertEqual(tally.false_positives, 1)

    def test_dice_of_half_overlap(self):
        a = square(np.zeros((10, 10), np.uint8), 0, 0, 4)
        b = np.zeros((10, 10), np.uint8)
        b[0:4, 2:6] = 1
        self.assertAlmostEqual(metrics.dice(a, b), 2 * 8 / 32)
        self.assertEqual(metrics.dice(np.zeros((3, 3)), np.zeros((3, 3))), 1.0)


if __name__ == "__main__":
    unittest.main()
