/**
 * Intake: candidate detections from monitoring systems and file imports, and the triage queue of
 * URLs waiting for a person's decision.
 */
package kz.gov.dozor.persistence.intake;
