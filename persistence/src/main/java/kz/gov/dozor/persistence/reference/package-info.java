/**
 * Reference data administrators maintain: categories, legal bases, recipient bodies, deadlines per
 * step and holidays, with the history of every change. Entries in use are retired, never deleted,
 * so old cases and notifications still name them.
 */
package kz.gov.dozor.persistence.reference;
