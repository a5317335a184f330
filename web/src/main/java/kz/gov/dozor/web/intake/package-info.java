/** Intake pages: the triage queue and file imports of detections. */
package kz.gov.dozor.web.intake;
