package org.consilium.http;

/**
 * Every failure the API can report: a stable code (grep-able in logs and support tickets), the HTTP status
 * and a title. Codes are never reused. Ranges: 0xxx generic, 1xxx identity and access, 11xx patients,
 * 12xx audit, 2xxx consultations and scheduling, 3xxx rooms, 4xxx imaging, 5xxx AI findings, 6xxx EMR.
 */
public enum ErrorCode {
  BAD_REQUEST("CNS-0400", 400, "Malformed request"),
  VALIDATION_FAILED("CNS-0422", 422, "Invalid input"),
  UNAUTHENTICATED("CNS-0401", 401, "Authentication required"),
  FORBIDDEN("CNS-0403", 403, "Not allowed"),
  NOT_FOUND("CNS-0404", 404, "Not found"),
  METHOD_NOT_ALLOWED("CNS-0405", 405, "Method not allowed"),
  CONFLICT("CNS-0409", 409, "Conflict"),
  PRECONDITION_FAILED("CNS-0412", 412, "Changed by someone else"),
  PRECONDITION_REQUIRED("CNS-0428", 428, "Version required"),
  PAYLOAD_TOO_LARGE("CNS-0413", 413, "Request too large"),
  UNSUPPORTED_MEDIA_TYPE("CNS-0415", 415, "Unsupported media type"),
  TOO_MANY_REQUESTS("CNS-0429", 429, "Too many requests"),
  INTERNAL("CNS-0500", 500, "Internal error"),
  NOT_READY("CNS-0503", 503, "Service not ready"),

  LOGIN_FAILED("CNS-1001", 401, "Wrong username or password"),
  ACCOUNT_LOCKED("CNS-1002", 423, "Account locked"),
  TOKEN_INVALID("CNS-1003", 401, "Invalid or expired token"),
  REFRESH_INVALID("CNS-1004", 401, "Invalid or expired refresh token"),
  SSO_NOT_CONFIGURED("CNS-1005", 404, "Single sign-on is not configured"),
  SSO_FAILED("CNS-1006", 401, "Single sign-on failed"),
  ACCOUNT_DISABLED("CNS-1007", 403, "Account disabled"),
  USER_NOT_FOUND("CNS-1010", 404, "User not found"),
  USERNAME_TAKEN("CNS-1011", 409, "Username already taken"),
  HOSPITAL_NOT_FOUND("CNS-1012", 404, "Hospital not found"),
  HOSPITAL_CODE_TAKEN("CNS-1013", 409, "Hospital code already taken"),

  PATIENT_NOT_FOUND("CNS-1100", 404, "Patient not found"),
  DUPLICATE_CITIZEN_ID("CNS-1101", 409, "Citizen ID already registered"),
  DUPLICATE_MEDICAL_RECORD_NUMBER("CNS-1102", 409, "Medical record number already in use at this hospital"),

  AUDIT_UNAVAILABLE("CNS-1200", 503, "Audit trail unavailable"),

  // Consultations and scheduling (2xxx)
  CONSULTATION_NOT_FOUND("CNS-2000", 404, "Consultation request not found"),
  TRANSITION_NOT_ALLOWED("CNS-2001", 409, "Transition not allowed"),
  SCHEDULE_CONFLICT("CNS-2002", 409, "Scheduling conflict"),
  SESSION_NOT_FOUND("CNS-2003", 404, "Consultation session not found"),
  ATTACHMENT_NOT_FOUND("CNS-2004", 404, "Attachment not found"),
  ALREADY_TAKEN("CNS-2005", 409, "Already taken by someone else"),
  MINUTES_SIGNED("CNS-2006", 409, "Minutes are signed"),
  CALENDAR_FEED_NOT_FOUND("CNS-2007", 404, "Calendar feed not found"),

  // Rooms (3xxx): REST answers and the "error" message of the room WebSocket share these codes.
  ROOM_NOT_FOUND("CNS-3000", 404, "Consultation session not found"),
  ROOM_NOT_PARTICIPANT("CNS-3001", 403, "Not a participant of this session"),
  ROOM_CLOSED("CNS-3002", 409, "The session is not open"),
  ROOM_TICKET_INVALID("CNS-3003", 401, "Invalid or expired room ticket"),
  ROOM_ORIGIN_REFUSED("CNS-3004", 403, "WebSocket origin not allowed"),
  ROOM_MESSAGE_INVALID("CNS-3005", 400, "Malformed room message"),
  ROOM_MESSAGE_TOO_LARGE("CNS-3006", 413, "Room message too large"),
  ROOM_RATE_LIMITED("CNS-3007", 429, "Too many room messages"),
  ROOM_NOT_ALLOWED("CNS-3008", 403, "Not allowed in this room"),
  ROOM_PEER_ABSENT("CNS-3009", 404, "No such participant in the room"),
  ROOM_FULL("CNS-3010", 409, "The room is full"),
  // Recordings of sessions (302x)
  RECORDING_NOT_FOUND("CNS-3020", 404, "Recording not found"),
  RECORDING_OUT_OF_ORDER("CNS-3021", 409, "Recording chunk out of order"),
  RECORDING_CHECKSUM_MISMATCH("CNS-3022", 422, "Recording checksum does not match"),
  RECORDING_TOO_LARGE("CNS-3023", 413, "Recording too large"),
  RECORDING_RETAINED("CNS-3024", 409, "Recording is under retention"),
  RECORDING_FINISHED("CNS-3025", 409, "Recording already complete"),

  // Imaging (4xxx)
  IMAGING_NOT_FOUND("CNS-4004", 404, "Study, series, instance or frame not found"),
  IMAGING_NOT_ACCEPTABLE("CNS-4006", 406, "Requested media type not available"),
  IMAGE_NOT_DECODABLE("CNS-4022", 422, "Image cannot be decoded"),
  PACS_NOT_CONFIGURED("CNS-4090", 409, "No hospital PACS configured"),
  PACS_FAILED("CNS-4502", 502, "The hospital PACS did not answer"),

  // AI lesion flags (5xxx)
  LESION_DETECTION_UNAVAILABLE("CNS-5001", 503, "Lesion detection unavailable"),
  LESION_DETECTION_BUSY("CNS-5002", 503, "Lesion detection busy"),
  LESION_DETECTION_FAILED("CNS-5003", 500, "Lesion detection failed"),
  FRAME_INVALID("CNS-5004", 422, "Not a usable endoscopy frame"),
  LESION_ANALYSIS_NOT_FOUND("CNS-5005", 404, "Lesion analysis not found"),
  FLAG_NOT_FOUND("CNS-5006", 404, "Flag not found"),
  LESION_MODEL_NOT_FOUND("CNS-5007", 404, "Lesion model not found"),

  // 6xxx EMR: FHIR, signatures
  FHIR_TYPE_NOT_SUPPORTED("CNS-6000", 404, "FHIR resource type not supported"),
  FHIR_SEARCH_INVALID("CNS-6001", 400, "FHIR search invalid"),
  FHIR_INVALID("CNS-6002", 500, "FHIR resource invalid"),
  REPORT_SIGNER_NOT_RESPONSIBLE("CNS-6003", 403, "Not the responsible specialist"),
  MINUTES_NOT_SIGNED("CNS-6004", 409, "Minutes not signed"),
  REPORT_SIGNED("CNS-6005", 409, "Report is signed"),
  // EMR delivery (69xx) and DICOM outputs of findings (48xx)
  EMR_DELIVERY_NOT_FOUND("CNS-6904", 404, "No such delivery to the EMR"),
  EMR_DELIVERY_NOT_RETRYABLE("CNS-6909", 409, "The delivery cannot be retried now"),
  FINDINGS_NOTHING_TO_WRITE("CNS-4801", 422, "No accepted findings to write"),
  FINDINGS_SOURCE_NOT_STORED("CNS-4802", 409, "The analysed image is not a stored DICOM instance"),
  LESION_REVIEW_NOT_IN_CONSULTATION("CNS-5008", 403, "Not a reviewer of this patient's consultation"),
  LIVE_FRAME_REFUSED("CNS-5009", 422, "Live endoscopy frame refused");

  private final String code;
  private final int status;
  private final String title;

  ErrorCode(String code, int status, String title) {
    this.code = code;
    this.status = status;
    this.title = title;
  }

  public String code() {
    return code;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** A stable problem type URI, derived from the name so it never drifts from the code. */
  public String type() {
    return "https://consilium.example/problems/" + name().toLowerCase().replace('_', '-');
  }
}
