package kz.gov.dozor.ejb.evidence.timestamps;

/** A time-stamping authority: signs that a digest existed at a time. */
public interface TimestampAuthority {

  /**
   * A checked token for a SHA-256 digest.
   *
   * @throws TimestampUnavailableException when the authority cannot be reached, refuses, or answers
   *     with a token that does not check out
   */
  TimestampToken stamp(byte[] sha256);

  /** Where it is, for people reading why a timestamp waits. */
  String describe();
}
