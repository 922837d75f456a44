package org.consilium.imaging;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.consilium.dicom.PacsClient;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;

/** Sends stored objects to the hospital PACS by C-STORE, one after the other, reporting each one's fate. */
final class PacsSend {

  private final ImagingConfig config;
  private final WorkerExecutor dicomWorkers;
  private final ObjectStore objects;

  PacsSend(ImagingConfig config, WorkerExecutor dicomWorkers, ObjectStore objects) {
    this.config = config;
    this.dicomWorkers = dicomWorkers;
    this.objects = objects;
  }

  /** One object sent, or why not; {@code reason} never holds patient data. */
  record Sent(StoredInstance instance, boolean sent, String reason) {
    JsonObject toJson() {
      return new JsonObject().put("sopInstanceUid", instance.dicom().sopInstanceUid()).put("sopClassUid", instance.dicom().sopClassUid())
          .put("status", sent ? "sent" : "failed").put("reason", reason);
    }
  }

  Future<List<Sent>> send(List<StoredInstance> instances) {
    if (config.pacsHost().isEmpty()) {
      return Future.failedFuture(new ApiException(ErrorCode.PACS_NOT_CONFIGURED, "No hospital PACS is configured (PACS_HOST)"));
    }
    return dicomWorkers.executeBlocking(() -> {
      PacsClient pacs = new PacsClient(config.pacsHost(), config.pacsPort(), config.pacsAeTitle(), config.aeTitle());
      List<Sent> out = new ArrayList<>();
      for (StoredInstance s : instances) {
        Path file = objects.stage();
        try (InputStream in = objects.get(s.objectId())) {
          Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
          pacs.store(file, s.dicom().sopClassUid(), s.dicom().sopInstanceUid());
          out.add(new Sent(s, true, null));
        } catch (java.io.IOException e) {
          out.add(new Sent(s, false, e.getMessage()));
        } finally {
          Files.deleteIfExists(file);
        }
      }
      return out;
    }, false);
  }
}
