package org.consilium.consultations;

import com.mongodb.client.model.Filters;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;
import org.consilium.patients.Patient;
import org.consilium.security.StaffDirectory;
import org.consilium.store.Store;

/**
 * The consultations of one patient as the electronic record sees them: each request with its session and its
 * minutes editions, in their API representation. It checks no access: the caller (the EMR) has already checked
 * the care relationship to the patient and records the access itself.
 */
public final class ConsultationRecords {

  /** One request of the patient; {@code session} null until scheduled; {@code minutes} every written edition, oldest first. */
  public record Entry(JsonObject request, JsonObject session, List<JsonObject> minutes) {
    public Entry {
      minutes = List.copyOf(minutes);
    }

    /** The responsible specialist: the chair (moderator) of the session; null before one is scheduled. */
    public String responsibleSpecialist() {
      return session == null ? null : session.getString("moderatorId");
    }

    public Optional<JsonObject> edition(int edition) {
      return minutes.stream().filter(m -> m.getInteger("edition") == edition).findFirst();
    }

    public Optional<JsonObject> latestMinutes() {
      return minutes.isEmpty() ? Optional.empty() : Optional.of(minutes.get(minutes.size() - 1));
    }
  }

  private static final int MAX_REQUESTS = 500;

  private final Store store;
  private final RequestStore requests;
  private final SessionStore sessions;
  private final MinutesStore minutes;
  private final StaffDirectory directory;
  private final WorkerExecutor workers;

  ConsultationRecords(Store store, StaffDirectory directory, WorkerExecutor workers) {
    this.store = store;
    this.requests = new RequestStore(store);
    this.sessions = new SessionStore(store);
    this.minutes = new MinutesStore(store);
    this.directory = directory;
    this.workers = workers;
  }

  /** The patient's requests (drafts included), newest first. */
  public Future<List<Entry>> ofPatient(String patientId) {
    return store.read(() -> {
      List<Entry> out = new ArrayList<>();
      for (ConsultationRequest r : requests.list(Filters.eq("patientId", patientId), MAX_REQUESTS)) out.add(entry(r));
      return out;
    });
  }

  /** One request, if it is about {@code patientId}. */
  public Future<Optional<Entry>> of(String patientId, String requestId) {
    return store.read(() -> {
      ConsultationRequest r = requests.find(requestId);
      return r == null || !r.patientId().equals(patientId) ? Optional.<Entry>empty() : Optional.of(entry(r));
    });
  }

  /** The patient a request is about, to check the care relationship before anything else is read. */
  public Future<Optional<String>> patientOf(String requestId) {
    return store.read(() -> Optional.ofNullable(requests.find(requestId)).map(ConsultationRequest::patientId));
  }

  /** The minutes PDF of one stored edition (the same document as the minutes export), rendered on a worker. */
  public Future<byte[]> minutesPdf(Patient patient, String requestId, int edition) {
    record Found(ConsultationRequest request, Minutes minutes) {
    }
    return store.read(() -> {
      ConsultationRequest r = requests.find(requestId);
      Minutes m = r == null || !r.patientId().equals(patient.id()) ? null : minutes.find(requestId, edition);
      return m == null ? null : new Found(r, m);
    }).compose(found -> found == null ? Future.failedFuture(new ApiException(ErrorCode.NOT_FOUND, "No such minutes"))
        : directory.hospital(found.request().answeringHospital()).compose(h -> workers.executeBlocking(() ->
            MinutesPdf.render(found.minutes(), patient, h.map(StaffDirectory.HospitalEntry::name).orElse(null)), false)));
  }

  private Entry entry(ConsultationRequest r) {
    Session s = r.sessionId() == null ? null : sessions.find(r.sessionId());
    List<JsonObject> editions = new ArrayList<>();
    Minutes latest = minutes.find(r.id(), 0);
    for (int e = 1; latest != null && e <= latest.edition(); e++) {
      Minutes m = e == latest.edition() ? latest : minutes.find(r.id(), e);
      if (m != null) editions.add(m.toJson());
    }
    return new Entry(r.toJson(true).put("patientHospitalId", r.patientHospitalId()), s == null ? null : s.toJson(), editions);
  }
}
