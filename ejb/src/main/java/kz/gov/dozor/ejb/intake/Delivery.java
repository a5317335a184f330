package kz.gov.dozor.ejb.intake;

/**
 * Who delivers a batch of reports.
 *
 * @param organisation the organisation whose people triage them (a detector is bound to one)
 * @param receivedFrom the detector's Keycloak client, or the login of the user who imported a file
 * @param importId the file import the batch comes from, or null
 */
public record Delivery(String organisation, String receivedFrom, Long importId) {}
