/**
 * Intake: receiving candidate detections from monitoring systems and file imports, de-duplicating
 * them by normalised URL against what is already known, and the triage of what is new.
 */
package kz.gov.dozor.ejb.intake;
