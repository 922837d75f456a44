package org.consilium.inference;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What ai-inference needs from a model card (models/*.card.json, written by models/card.py): which file
 * to load, how to prepare its input and how to read its output.
 */
public record ModelCard(String id, String version, Path file, int inputWidth, int inputHeight, float[] mean,
                        float[] std, double probabilityThreshold, int minLesionAreaPixels, String intendedUse) {

  /** The file name suffix of a model card in the models directory. */
  public static final String SUFFIX = ".card.json";

  public ModelCard {
    mean = mean.clone();
    std = std.clone();
  }

  /** "id version", how a model is named in logs, errors and stored results. */
  public String name() {
    return id + " " + version;
  }

  /** Reads and checks a card; the model file is resolved next to it. */
  public static ModelCard read(Path card) {
    String text;
    try {
      text = Files.readString(card, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InferenceException(InferenceException.Reason.MODEL_UNAVAILABLE, "cannot read model card " + card.getFileName(), e);
    }
    List<String> problems = new ArrayList<>();
    JsonObject json;
    try {
      json = JsonParser.parseString(text).getAsJsonObject();
    } catch (RuntimeException e) {
      throw invalid(card, List.of("not a JSON object"));
    }
    Fields f = new Fields(json, problems);
    JsonObject input = f.object("input");
    JsonObject thresholds = f.object("thresholds");
    Fields in = new Fields(input, problems, "input.");
    Fields th = new Fields(thresholds, problems, "thresholds.");
    String id = f.text("id");
    String version = f.text("version");
    String file = f.text("file");
    int width = in.positive("width");
    int height = in.positive("height");
    if (input != null && !"RGB".equals(in.text("channelOrder"))) problems.add("input.channelOrder must be RGB");
    if (input != null && !"NCHW".equals(in.text("layout"))) problems.add("input.layout must be NCHW");
    float[] mean = in.triple("mean");
    float[] std = in.triple("std");
    for (float s : std) if (!(s > 0)) problems.add("input.std must be positive");
    double threshold = th.number("probability");
    if (thresholds != null && !(threshold > 0 && threshold < 1)) problems.add("thresholds.probability must be within (0, 1)");
    int minArea = th.positive("minLesionAreaPixels");
    String use = f.text("intendedUse");
    if (file != null && (file.contains("/") || file.contains("\\"))) problems.add("file must be a file name next to the card");
    if (!problems.isEmpty()) throw invalid(card, problems);
    return new ModelCard(id, version, card.resolveSibling(file), width, height, mean, std, threshold, minArea, use);
  }

  private static InferenceException invalid(Path card, List<String> problems) {
    return new InferenceException(InferenceException.Reason.MODEL_UNAVAILABLE,
        "model card " + card.getFileName() + " is invalid: " + String.join("; ", problems));
  }

  /** Reads fields of one JSON object, collecting every problem instead of stopping at the first. */
  private record Fields(JsonObject json, List<String> problems, String prefix) {
    Fields(JsonObject json, List<String> problems) {
      this(json, problems, "");
    }

    private JsonElement get(String name) {
      if (json == null) return null;
      JsonElement e = json.get(name);
      if (e == null || e.isJsonNull()) problems.add(prefix + name + " is required");
      return e == null || e.isJsonNull() ? null : e;
    }

    JsonObject object(String name) {
      JsonElement e = get(name);
      if (e != null && !e.isJsonObject()) problems.add(prefix + name + " must be an object");
      return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
    }

    String text(String name) {
      JsonElement e = get(name);
      if (e == null) return null;
      if (!e.isJsonPrimitive() || e.getAsString().isBlank()) {
        problems.add(prefix + name + " must be a non-empty string");
        return null;
      }
      return e.getAsString();
    }

    double number(String name) {
      JsonElement e = get(name);
      if (e == null) return Double.NaN;
      if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
        problems.add(prefix + name + " must be a number");
        return Double.NaN;
      }
      return e.getAsDouble();
    }

    int positive(String name) {
      double v = number(name);
      if (json != null && !Double.isNaN(v) && !(v >= 1 && v == Math.rint(v))) problems.add(prefix + name + " must be a positive integer");
      return Double.isNaN(v) ? 0 : (int) v;
    }

    float[] triple(String name) {
      JsonElement e = get(name);
      float[] out = new float[] {0, 0, 1};
      if (e == null) return out;
      if (!e.isJsonArray() || e.getAsJsonArray().size() != 3) {
        problems.add(prefix + name + " must be three numbers (R, G, B)");
        return out;
      }
      for (int i = 0; i < 3; i++) out[i] = e.getAsJsonArray().get(i).getAsFloat();
      return out;
    }
  }
}
