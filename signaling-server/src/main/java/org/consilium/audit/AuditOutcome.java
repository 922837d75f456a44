package org.consilium.audit;

/** How an audited action ended. DENIED: refused by access control; FAILED: refused for another reason. */
public enum AuditOutcome {
  SUCCESS, DENIED, FAILED
}
