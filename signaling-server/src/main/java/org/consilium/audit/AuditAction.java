package org.consilium.audit;

/** What was done. Capabilities add the actions they need; a value is never renamed (stored records use it). */
public enum AuditAction {
  READ, SEARCH, CREATE, UPDATE, DELETE, EXPORT,
  LOGIN, LOGIN_FAILED, LOGOUT, TOKEN_REFRESH, PASSWORD_CHANGE, ACCOUNT_LOCKED, ACCOUNT_UNLOCKED,
  AUDIT_VERIFY,
  /** A care-team grant gave a user access to a patient of another hospital, or took it back. */
  CARE_GRANT, CARE_REVOKE,
  /** A clinician accepted, rejected or edited an AI lesion flag. */
  REVIEW
}
