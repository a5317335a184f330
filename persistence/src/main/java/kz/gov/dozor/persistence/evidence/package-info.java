/** Evidence: files captured for a case and the record of every later access. */
package kz.gov.dozor.persistence.evidence;
