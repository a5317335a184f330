/**
 * Trusted timestamps (RFC 3161) of evidence files and of the audit chain's head: asked for when
 * evidence is kept and daily for the audit head, fetched from a time-stamping authority behind
 * {@link kz.gov.dozor.ejb.evidence.timestamps.TimestampAuthority}, retried while it is unreachable.
 */
package kz.gov.dozor.ejb.evidence.timestamps;
