package org.consilium.inference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Model cards for tests, in the shape models/card.py writes them, with a placeholder model file. */
final class Cards {

  private Cards() {}

  static Path write(Path dir, String id, String version, int size) {
    String file = id + "-" + version + ".pt";
    String json = """
        {"id": "%s", "version": "%s", "file": "%s", "intendedUse": "demonstration, not for clinical use",
         "input": {"width": %d, "height": %d, "channelOrder": "RGB", "layout": "NCHW",
                   "mean": [0.5, 0.25, 0.25], "std": [0.15, 0.08, 0.07]},
         "thresholds": {"probability": 0.5, "minLesionAreaPixels": 3}}
        """.formatted(id, version, file, size, size);
    try {
      Files.writeString(dir.resolve(file), "weights of " + id + " " + version);
      return Files.writeString(dir.resolve(id + "-" + version + ModelCard.SUFFIX), json, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
