/**
 * Intake in the web tier: the REST API monitoring systems report detections to ({@code /api/v1}),
 * its published description, and the pages of intake (the triage queue, file imports of detections,
 * suppression rules).
 */
package kz.gov.dozor.web.intake;
