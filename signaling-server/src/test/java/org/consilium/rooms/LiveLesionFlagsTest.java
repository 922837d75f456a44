package org.consilium.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.consilium.access.Role;
import org.consilium.http.ErrorCode;
import org.consilium.testdata.Staff;
import org.consilium.testing.TestServer;
import org.consilium.testing.TestSessionRoster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Live lesion flags over real room WebSockets with the committed model: the endoscopist's frames (binary
 * messages) come back to everyone as flags over the lesion; frames from others, oversized or corrupt frames get
 * clear errors and the room goes on.
 */
class LiveLesionFlagsTest {

  private static final Path FRAMES = Path.of("..", "ai-inference", "src", "test", "resources", "frames");
  private static final TestSessionRoster sessions = new TestSessionRoster();
  private static TestServer server;
  private static Staff endoscopist;
  private static Staff specialist;
  private static Staff doctor;
  private static byte[] withLesion;
  private static int[] lesionBox;
  private static byte[] withoutLesions;
  private String session;

  @BeforeAll
  static void start() throws IOException {
    server = TestServer.create().withRoomRoster(sessions).with("AI_MODELS_DIR", Path.of("..", "models").toString())
        .with("AI_LIVE_FRAME_BYTES", "40000").with("AI_LIVE_FRAMES_PER_SECOND", "5").start();
    endoscopist = Staff.in(server, server.testHospitalId(), Role.ENDOSCOPIST);
    specialist = Staff.in(server, server.testHospitalId(), Role.SPECIALIST);
    doctor = Staff.in(server, server.testHospitalId(), Role.DISTRICT_DOCTOR);
    for (Object o : new JsonObject(Files.readString(FRAMES.resolve("expected.json"))).getJsonArray("frames")) {
      JsonObject f = (JsonObject) o;
      byte[] jpeg = jpeg(FRAMES.resolve(f.getString("image")));
      if (withLesion == null && f.getJsonArray("lesions").size() == 1 && !f.getJsonArray("pythonFlags").isEmpty()) {
        withLesion = jpeg;
        JsonArray b = f.getJsonArray("lesions").getJsonObject(0).getJsonArray("box");
        lesionBox = new int[] {b.getInteger(0), b.getInteger(1), b.getInteger(2), b.getInteger(3)};
      }
      if (withoutLesions == null && f.getJsonArray("lesions").isEmpty() && f.getJsonArray("pythonFlags").isEmpty()) withoutLesions = jpeg;
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void schedule() {
    session = sessions.schedule(endoscopist.userId(), List.of(specialist.userId(), doctor.userId()), UUID.randomUUID().toString());
  }

  private static byte[] jpeg(Path png) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(png))), "jpeg", out);
    return out.toByteArray();
  }

  private static Buffer frame(long seq, double clientTime, byte[] jpeg) {
    return Buffer.buffer().appendByte(LiveLesionFlags.FRAME_KIND).appendUnsignedInt(seq).appendDouble(clientTime).appendBytes(jpeg);
  }

  private static JsonObject flags(RoomClient c, long seq) {
    for (int i = 0; i < 10; i++) {
      JsonObject m = c.next("lesion-flags");
      if (m.getLong("seq") == seq) return m;
    }
    throw new AssertionError("no flags for frame " + seq);
  }

  private static boolean overlaps(JsonObject box, int[] truth) {
    int x = box.getInteger("x");
    int y = box.getInteger("y");
    return x < truth[0] + truth[2] && truth[0] < x + box.getInteger("width") && y < truth[1] + truth[3] && truth[1] < y + box.getInteger("height");
  }

  @Test
  void theEndoscopistsFramesComeBackToEveryoneAsFlagsOverTheLesion() {
    try (RoomClient endo = RoomClient.enter(server, endoscopist.api(), session, false);
         RoomClient spec = RoomClient.enter(server, specialist.api(), session, false)) {
      endo.join().next("welcome");
      spec.join().next("welcome");
      endo.send(new JsonObject().put("type", "endoscopy-stream").put("on", true));
      JsonObject streaming = spec.next("endoscopy-stream");
      assertEquals(endoscopist.userId(), streaming.getString("userId"));
      assertTrue(streaming.getBoolean("on"));

      endo.sendBinary(frame(7, 1234.5, withLesion));
      JsonObject seen = flags(spec, 7);
      assertEquals(endoscopist.userId(), seen.getString("from"));
      assertEquals(1234.5, seen.getDouble("clientTime"));
      assertEquals(288, seen.getInteger("width"));
      assertEquals("lesion-unet", seen.getJsonObject("model").getString("id"));
      JsonArray boxes = seen.getJsonArray("flags");
      assertFalse(boxes.isEmpty(), seen::encode);
      assertTrue(boxes.stream().anyMatch(f -> overlaps(((JsonObject) f).getJsonObject("box"), lesionBox)), seen::encode);
      assertEquals(boxes, flags(endo, 7).getJsonArray("flags"), "the sender sees the same flags");

      endo.sendBinary(frame(8, 1300, withoutLesions));
      assertTrue(flags(spec, 8).getJsonArray("flags").isEmpty());
    }
  }

  @Test
  void othersBadFramesAndTooManyFramesGetClearErrorsAndTheRoomGoesOn() throws InterruptedException {
    try (RoomClient endo = RoomClient.enter(server, endoscopist.api(), session, false);
         RoomClient doc = RoomClient.enter(server, doctor.api(), session, false)) {
      endo.join().next("welcome");
      doc.join().next("welcome");
      doc.send(new JsonObject().put("type", "endoscopy-stream").put("on", true));
      assertEquals("endoscopy-stream", doc.error(ErrorCode.ROOM_NOT_ALLOWED.code()).getString("inReplyTo"));
      doc.sendBinary(frame(1, 1, withLesion));
      assertEquals("lesion-frame", doc.error(ErrorCode.ROOM_NOT_ALLOWED.code()).getString("inReplyTo"));

      endo.send(new JsonObject().put("type", "endoscopy-stream").put("on", true));
      endo.next("endoscopy-stream");
      endo.sendBinary(frame(2, 2, new byte[50_000]));
      endo.error(ErrorCode.ROOM_MESSAGE_TOO_LARGE.code());
      endo.sendBinary(Buffer.buffer(new byte[] {9, 0, 0}));
      endo.error(ErrorCode.LIVE_FRAME_REFUSED.code());
      endo.sendBinary(frame(3, 3, "no JPEG here, only text".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      JsonObject corrupt = endo.error(ErrorCode.FRAME_INVALID.code());
      assertEquals(3, corrupt.getLong("seq"));

      Thread.sleep(1100);
      for (int i = 10; i < 15; i++) endo.sendBinary(frame(i, i, withLesion));
      assertEquals(ErrorCode.LESION_DETECTION_BUSY.code(), endo.error(ErrorCode.LESION_DETECTION_BUSY.code()).getString("code"));
      for (int i = 15; i < 20; i++) endo.sendBinary(frame(i, i, withLesion));
      endo.error(ErrorCode.ROOM_RATE_LIMITED.code());

      Thread.sleep(1100);
      endo.sendBinary(frame(30, 30, withLesion));
      assertFalse(flags(doc, 30).getJsonArray("flags").isEmpty(), "the room goes on");
      doc.send(new JsonObject().put("type", "chat").put("text", "Thấy rồi"));
      assertEquals("Thấy rồi", endo.next("chat").getJsonObject("message").getString("text"));
    }
  }
}
