/** Audit: the append-only, hash-chained log of state changes, evidence access and sign-ins. */
package kz.gov.dozor.persistence.audit;
