package org.consilium.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCardTest {

  @TempDir Path dir;

  @Test
  void readsTheCommittedCard() throws IOException {
    Path card;
    try (Stream<Path> files = Files.list(Path.of("..", "models"))) {
      card = files.filter(p -> p.toString().endsWith(ModelCard.SUFFIX)).findFirst().orElseThrow();
    }
    ModelCard c = ModelCard.read(card);
    assertEquals("demonstration, not for clinical use", c.intendedUse());
    assertTrue(Files.isRegularFile(c.file()), "the card's model file is next to it");
    assertEquals(3, c.mean().length);
    assertTrue(c.probabilityThreshold() > 0 && c.probabilityThreshold() < 1);
  }

  @Test
  void namesEveryProblemOfAnInvalidCard() throws IOException {
    Path card = Files.writeString(dir.resolve("bad" + ModelCard.SUFFIX), """
        {"id": "x", "file": "../elsewhere.pt",
         "input": {"width": 0, "height": 64, "channelOrder": "BGR", "layout": "NCHW", "mean": [0.5], "std": [1, 0, 1]},
         "thresholds": {"probability": 1.5, "minLesionAreaPixels": 4}}
        """);
    InferenceException e = assertThrows(InferenceException.class, () -> ModelCard.read(card));
    assertEquals(InferenceException.Reason.MODEL_UNAVAILABLE, e.reason());
    for (String problem : new String[] {"version is required", "input.width must be a positive integer",
        "input.channelOrder must be RGB", "input.mean must be three numbers", "input.std must be positive",
        "thresholds.probability must be within (0, 1)", "intendedUse is required", "file must be a file name"}) {
      assertTrue(e.getMessage().contains(problem), problem + " in " + e.getMessage());
    }
  }

  @Test
  void aCardThatIsNotJsonIsRefused() throws IOException {
    Path card = Files.writeString(dir.resolve("x" + ModelCard.SUFFIX), "[1, 2");
    assertTrue(assertThrows(InferenceException.class, () -> ModelCard.read(card)).getMessage().contains("not a JSON object"));
  }
}
