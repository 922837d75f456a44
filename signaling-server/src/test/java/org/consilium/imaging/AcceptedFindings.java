package org.consilium.imaging;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.consilium.testing.ApiClient;

/**
 * An endoscopy frame of ai-inference's synthetic test set with lesions, stored as a VL Endoscopic Image of the
 * patient, analysed by the committed model, and its first flag accepted as a polyp 0-Is of 6 mm.
 */
record AcceptedFindings(String patientId, String sourceUid, String studyUid, String analysisId) {

  private static final Path FRAMES = Path.of("..", "ai-inference", "src", "test", "resources", "frames");

  static AcceptedFindings prepare(ApiClient endoscopist, String patientId) {
    byte[] jpeg = jpeg(frameWithLesions());
    ApiClient.BinaryResponse capture = endoscopist.sendBytes("POST", "/api/patients/" + patientId + "/imaging/captures", jpeg, "image/jpeg", null);
    if (capture.status() != 201) throw new AssertionError("capture: " + capture);
    ApiClient.Response analysis = endoscopist.sendBytes("POST", "/api/patients/" + patientId + "/lesion-analyses?source=stored", jpeg, "image/jpeg");
    if (analysis.status() != 201) throw new AssertionError("analysis: " + analysis);
    JsonObject a = analysis.json();
    if (a.getJsonArray("flags").isEmpty()) throw new AssertionError("the model raised no flag on the lesion frame: " + a.encode());
    String flag = a.getJsonArray("flags").getJsonObject(0).getString("id");
    ApiClient.Response accepted = endoscopist.post("/api/patients/" + patientId + "/lesion-analyses/" + a.getString("id") + "/flags/" + flag
        + "/review", new JsonObject().put("decision", "accept").put("version", a.getLong("version")).put("label", "polyp").put("parisClass", "0-Is").put("sizeMm", 6));
    if (accepted.status() != 200) throw new AssertionError("review: " + accepted);
    return new AcceptedFindings(patientId, capture.json().getString("sopInstanceUid"), capture.json().getString("studyInstanceUid"),
        a.getString("id"));
  }

  ApiClient.Response write(ApiClient api) {
    return api.post("/api/patients/" + patientId + "/lesion-analyses/" + analysisId + "/dicom-outputs",
        new JsonObject().put("sopInstanceUid", sourceUid));
  }

  private static byte[] frameWithLesions() {
    try {
      JsonArray frames = new JsonObject(Files.readString(FRAMES.resolve("expected.json"))).getJsonArray("frames");
      for (Object o : frames) {
        JsonObject f = (JsonObject) o;
        if (!f.getJsonArray("pythonFlags").isEmpty()) return Files.readAllBytes(FRAMES.resolve(f.getString("image")));
      }
      throw new AssertionError("no test frame with lesions");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] jpeg(byte[] png) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
      rgb.getGraphics().drawImage(image, 0, 0, null);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(rgb, "jpg", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
