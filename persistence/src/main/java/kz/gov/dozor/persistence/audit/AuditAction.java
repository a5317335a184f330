package kz.gov.dozor.persistence.audit;

/** What an audit entry records. */
public enum AuditAction {
  SIGN_IN,
  CASE_REGISTERED,
  EVIDENCE_THUMBNAIL,
  EVIDENCE_VIEW,
  EVIDENCE_DOWNLOAD,
  ACCESS_DENIED,
  CASE_STATE_CHANGED,
  REFERRAL_RECORDED,
  NOTICE_HANDED_OVER,
  RESOURCE_DECIDED,
  BLOCK_LIFTED
}
