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

  IMAGING_NOT_FOUND("CNS-4004", 404, "Study, series, instance or frame not found"),
  IMAGING_NOT_ACCEPTABLE("CNS-4006", 406, "Requested media type not available"),
  IMAGE_NOT_DECODABLE("CNS-4022", 422, "Image cannot be decoded"),
  PACS_NOT_CONFIGURED("CNS-4090", 409, "No hospital PACS configured"),
  PACS_FAILED("CNS-4502", 502, "The hospital PACS did not answer");

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
