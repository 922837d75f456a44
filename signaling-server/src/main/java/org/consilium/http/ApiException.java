package org.consilium.http;

import java.util.List;

/** An expected failure, rendered as problem+json by {@link ProblemHandler}. Carries no stack trace. */
public final class ApiException extends RuntimeException {

  private final ErrorCode code;
  private final List<FieldError> errors;

  public ApiException(ErrorCode code, String detail) {
    this(code, detail, List.of());
  }

  public ApiException(ErrorCode code, String detail, List<FieldError> errors) {
    super(detail, null, false, false);
    this.code = code;
    this.errors = List.copyOf(errors);
  }

  public ErrorCode code() {
    return code;
  }

  public List<FieldError> errors() {
    return errors;
  }

  public static ApiException invalid(List<FieldError> errors) {
    return new ApiException(ErrorCode.VALIDATION_FAILED,
        errors.size() == 1 ? errors.get(0).pointer() + ": " + errors.get(0).detail()
            : errors.size() + " fields are invalid", errors);
  }

  public static ApiException invalid(String pointer, String detail) {
    return invalid(List.of(new FieldError(pointer, detail)));
  }
}
