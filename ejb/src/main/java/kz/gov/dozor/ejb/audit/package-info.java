/**
 * Audit: the append-only log of state changes, evidence access, sign-ins and refused attempts; each
 * entry carries the hash of the one before, and the chain is verified on a schedule.
 */
package kz.gov.dozor.ejb.audit;
