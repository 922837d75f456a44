package org.consilium.recordings;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.consilium.access.Principal;
import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditEvent;
import org.consilium.audit.AuditOutcome;
import org.consilium.audit.AuditTrail;
import org.consilium.config.Settings;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;
import org.consilium.patients.PatientService;
import org.consilium.rooms.RoomMembers;
import org.consilium.rooms.RoomRoster;
import org.consilium.store.Store;

/**
 * Recordings of consultation sessions (Circular 49/2017/TT-BYT): the moderator's browser uploads one in
 * numbered chunks at explicit offsets, so a repeated chunk is harmless, a gap is refused and an interrupted
 * upload resumes from {@code receivedBytes}; completing checks the client's SHA-256 against the bytes on disk
 * before the file is published. The session's participants, and clinicians who may see all its patients, read
 * them; nobody deletes one before its retention date.
 */
public final class RecordingService {

  static final String RESOURCE = "recording";

  private final RecordingsConfig config;
  private final RecordingStore store;
  private final RecordingFiles files;
  private final RoomRoster roster;
  private final PatientService patients;
  private final AuditTrail audit;

  private RecordingService(RecordingsConfig config, RecordingStore store, RecordingFiles files, RoomRoster roster,
                           PatientService patients, AuditTrail audit) {
    this.config = config;
    this.store = store;
    this.files = files;
    this.roster = roster;
    this.patients = patients;
    this.audit = audit;
  }

  public static Future<RecordingService> start(Vertx vertx, Settings settings, Store store, RoomRoster roster,
                                               PatientService patients, AuditTrail audit) {
    RecordingsConfig config = RecordingsConfig.from(settings);
    WorkerExecutor workers = vertx.createSharedWorkerExecutor("recording-files", 2);
    RecordingStore recordings = new RecordingStore(store);
    return recordings.ensureIndexes().map(v -> new RecordingService(config, recordings, new RecordingFiles(config.root(), workers),
        roster, patients, audit));
  }

  RecordingsConfig config() {
    return config;
  }

  /** The moderator starts recording an open session. */
  Future<Recording> start(Principal who, String sessionId, String mimeType, AuditEvent.Builder event) {
    return session(who, sessionId).compose(members -> {
      if (!members.open()) return Future.failedFuture(new ApiException(ErrorCode.ROOM_CLOSED, "The session is " + members.status()));
      if (!members.moderatorUserId().equals(who.userId())) {
        return Future.failedFuture(new ApiException(ErrorCode.ROOM_NOT_ALLOWED, "Only the moderator may record the session"));
      }
      Recording r = new Recording(UUID.randomUUID().toString(), sessionId, members.patientIds(), mimeType, who.userId(),
          who.username(), Instant.ofEpochMilli(System.currentTimeMillis()), false, 0, 0, null, null, null);
      return audited(event, r, AuditAction.CREATE, "recording started").compose(v -> store.insert(r));
    });
  }

  /** The session's recordings, for those who may read them. */
  Future<List<Recording>> list(Principal who, String sessionId, AuditEvent.Builder event) {
    return session(who, sessionId).compose(members -> store.ofSession(sessionId).compose(all ->
        audit.record(event.resource(RESOURCE, null).patient(single(members.patientIds()))
            .detail("recordings of session " + sessionId + ", count=" + all.size()).build(AuditAction.READ, AuditOutcome.SUCCESS)).map(all)));
  }

  /** One recording: for the uploader, where to resume. */
  Future<Recording> read(Principal who, String sessionId, String id) {
    return readable(who, sessionId, id);
  }

  /** Chunk {@code index} at byte {@code offset}: the next one is stored, an earlier one is acknowledged again, a gap refused. */
  Future<Recording> append(Principal who, String sessionId, String id, int index, long offset, Buffer bytes) {
    return uploading(who, sessionId, id).compose(r -> {
      long end = offset + bytes.length();
      if (index < r.nextIndex() && end <= r.receivedBytes()) return Future.succeededFuture(r);
      if (index != r.nextIndex() || offset != r.receivedBytes()) {
        return Future.failedFuture(new ApiException(ErrorCode.RECORDING_OUT_OF_ORDER, "Expected chunk " + r.nextIndex()
            + " at offset " + r.receivedBytes() + ", got chunk " + index + " at offset " + offset + "; resume from receivedBytes"));
      }
      if (end > config.maxBytes()) {
        return Future.failedFuture(new ApiException(ErrorCode.RECORDING_TOO_LARGE,
            "A recording may hold at most " + config.maxBytes() / (1024 * 1024) + " MiB; stop and start a new one"));
      }
      return files.write(id, offset, bytes).compose(v -> store.advance(r, end)).compose(counted -> counted
          ? readable(who, sessionId, id)
          : Future.failedFuture(new ApiException(ErrorCode.RECORDING_OUT_OF_ORDER, "Another upload of this recording moved on; ask where to resume")));
    });
  }

  /** Checks the whole file against the client's SHA-256, publishes it, and sets its retention date. */
  Future<Recording> complete(Principal who, String sessionId, String id, String sha256, AuditEvent.Builder event) {
    return uploading(who, sessionId, id).compose(r -> files.digest(sessionId, id, r.receivedBytes()).compose(ours -> {
      if (!ours.equalsIgnoreCase(sha256)) {
        return audited(event, r, AuditAction.UPDATE, "recording checksum mismatch", AuditOutcome.FAILED).compose(v -> Future.failedFuture(
            new ApiException(ErrorCode.RECORDING_CHECKSUM_MISMATCH, "The server holds " + r.receivedBytes() + " bytes with SHA-256 "
                + ours + "; resend the missing or damaged chunks from receivedBytes, or complete with the right checksum")));
      }
      Instant now = Instant.ofEpochMilli(System.currentTimeMillis());
      Instant retainUntil = now.atZone(ZoneOffset.UTC).plus(config.retention()).toInstant();
      return audited(event, r, AuditAction.UPDATE, "recording complete, bytes=" + r.receivedBytes())
          .compose(v -> files.publish(sessionId, id))
          .compose(v -> store.complete(r, ours, now, retainUntil))
          .compose(done -> readable(who, sessionId, id));
    }));
  }

  /** The published file, its bytes checked again, for a reader; the download is recorded first. */
  Future<Download> download(Principal who, String sessionId, String id, AuditEvent.Builder event) {
    return readable(who, sessionId, id).compose(r -> {
      if (!r.complete()) return Future.failedFuture(new ApiException(ErrorCode.RECORDING_NOT_FOUND, "The recording is still uploading"));
      return files.verified(sessionId, id, r.sha256())
          .recover(e -> Future.failedFuture(new ApiException(ErrorCode.INTERNAL, "The stored recording does not match its checksum")))
          .compose(file -> audited(event, r, AuditAction.EXPORT, "recording downloaded").map(new Download(r, file)));
    });
  }

  record Download(Recording recording, Path file) {
  }

  /** Refused before the retention date; afterwards the moderator who recorded it may remove it. */
  Future<Void> delete(Principal who, String sessionId, String id, AuditEvent.Builder event) {
    return readable(who, sessionId, id).compose(r -> {
      Instant now = Instant.now();
      if (!r.complete() || now.isBefore(r.retainUntil())) {
        return audited(event, r, AuditAction.DELETE, "refused: retained", AuditOutcome.DENIED).compose(v -> Future.failedFuture(
            new ApiException(ErrorCode.RECORDING_RETAINED, r.complete() ? "The recording must be kept until " + r.retainUntil()
                : "The recording is still uploading")));
      }
      if (!r.recordedBy().equals(who.userId())) {
        return Future.failedFuture(new ApiException(ErrorCode.ROOM_NOT_ALLOWED, "Only who recorded it may remove a recording"));
      }
      return audited(event, r, AuditAction.DELETE, "recording removed after retention").compose(v -> files.delete(sessionId, id))
          .compose(v -> store.delete(id));
    });
  }

  private Future<Recording> uploading(Principal who, String sessionId, String id) {
    return readable(who, sessionId, id).compose(r -> {
      if (!r.recordedBy().equals(who.userId())) {
        return Future.failedFuture(new ApiException(ErrorCode.ROOM_NOT_ALLOWED, "Only who started the recording uploads it"));
      }
      if (r.complete()) return Future.failedFuture(new ApiException(ErrorCode.RECORDING_FINISHED, "The recording is already complete"));
      return Future.succeededFuture(r);
    });
  }

  private Future<Recording> readable(Principal who, String sessionId, String id) {
    return session(who, sessionId).compose(members -> store.find(sessionId, id)).compose(found -> found
        .map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(new ApiException(ErrorCode.RECORDING_NOT_FOUND, "No recording " + id + " of this session"))));
  }

  /** The session, if {@code who} takes part in it or may see every patient it is about; 404 for anyone else. */
  private Future<RoomMembers> session(Principal who, String sessionId) {
    ApiException absent = new ApiException(ErrorCode.ROOM_NOT_FOUND, "No consultation session " + sessionId);
    return roster.members(sessionId).compose(found -> {
      if (found.isEmpty()) return Future.failedFuture(absent);
      RoomMembers members = found.get();
      if (members.invited(who.userId())) return Future.succeededFuture(members);
      if (members.patientIds().isEmpty()) return Future.failedFuture(absent);
      Future<Void> all = Future.succeededFuture();
      for (String patient : members.patientIds()) all = all.compose(v -> patients.requireVisible(who, patient).mapEmpty());
      return all.map(members).recover(e -> Future.failedFuture(absent));
    });
  }

  private Future<Void> audited(AuditEvent.Builder event, Recording r, AuditAction action, String detail) {
    return audited(event, r, action, detail, AuditOutcome.SUCCESS);
  }

  private Future<Void> audited(AuditEvent.Builder event, Recording r, AuditAction action, String detail, AuditOutcome outcome) {
    return audit.record(event.resource(RESOURCE, r.id()).patient(single(r.patientIds()))
        .detail(detail + ", session=" + r.sessionId()).build(action, outcome));
  }

  private static String single(List<String> patientIds) {
    return patientIds.size() == 1 ? patientIds.get(0) : null;
  }
}
