package kz.gov.dozor.persistence.audit;

/** What an audit entry records. */
public enum AuditAction {
  SIGN_IN,
  CASE_REGISTERED,
  EVIDENCE_THUMBNAIL,
  EVIDENCE_VIEW,
  EVIDENCE_DOWNLOAD,
  EVIDENCE_EXPORT,
  EVIDENCE_DAMAGED,
  CAPTURE_REQUESTED,
  EVIDENCE_CAPTURED,
  CAPTURE_TARGET_ALLOWED,
  CAPTURE_TARGET_REMOVED,
  ACCESS_DENIED,
  CASE_STATE_CHANGED,
  REFERRAL_RECORDED,
  NOTICE_HANDED_OVER,
  RESOURCE_DECIDED,
  BLOCK_LIFTED,
  /** An officer corrected a block's decision number or date in the registry. */
  BLOCK_CORRECTED,
  REFERENCE_DATA_CHANGED,
  USER_CREATED,
  USER_ROLES_CHANGED,
  USER_DISABLED,
  USER_ENABLED,
  USER_PASSWORD_RESET,
  USER_SIGNED_OUT,
  /** Investigators took triage items to work on them, or released them. */
  TRIAGE_TAKEN,
  TRIAGE_RELEASED,
  /** A case made from triage items, or triage items added to a case. */
  TRIAGE_CASED,
  TRIAGE_ADDED_TO_CASE,
  TRIAGE_DISMISSED,
  /** A file of detections imported. */
  INTAKE_IMPORTED,
  /** Suppression rules of intake. */
  SUPPRESSION_RULE_ADDED,
  SUPPRESSION_RULE_RETIRED
}
