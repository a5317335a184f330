package kz.gov.dozor.persistence.reference;

/** Where a referral goes: criminal proceedings or an administrative penalty. */
public enum ReferralKind {
  CRIMINAL,
  ADMINISTRATIVE
}
