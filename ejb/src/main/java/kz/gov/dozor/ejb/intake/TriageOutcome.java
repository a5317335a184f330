package kz.gov.dozor.ejb.intake;

import java.io.Serializable;

/**
 * What a triage action did.
 *
 * @param done items acted on
 * @param skipped items already resolved (cased or dismissed), left as they were
 * @param caseId the case made or added to, or null
 * @param caseNumber its registration number, or null
 */
public record TriageOutcome(int done, int skipped, Long caseId, String caseNumber)
    implements Serializable {}
