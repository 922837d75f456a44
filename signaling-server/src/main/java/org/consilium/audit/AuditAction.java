package org.consilium.audit;

/** What was done. Capabilities add the actions they need; a value is never renamed (stored records use it). */
public enum AuditAction {
  READ, SEARCH, CREATE, UPDATE, DELETE, EXPORT,
  LOGIN, LOGIN_FAILED, LOGOUT, TOKEN_REFRESH, PASSWORD_CHANGE, ACCOUNT_LOCKED, ACCOUNT_UNLOCKED,
  AUDIT_VERIFY,
  /** A care-team grant gave a user access to a patient of another hospital, or took it back. */
  CARE_GRANT, CARE_REVOKE,
  /** Live consultation rooms: who came and went, and every moderation action. */
  ROOM_JOIN, ROOM_LEAVE, ROOM_KNOCK, ROOM_ADMIT, ROOM_REFUSE, ROOM_MUTE, ROOM_REMOVE, ROOM_MODERATOR_HANDOVER,
  ROOM_END, ROOM_RECORDING,
  /** A clinician accepted, rejected or edited an AI lesion flag. */
  REVIEW,
  /** A room participant's endoscopy stream was (no longer) sent for live AI lesion flags. */
  LIVE_LESION_FLAGS,
  /** The presenter showed a patient's series to everyone in a room. */
  ROOM_SHARED_VIEW
}
