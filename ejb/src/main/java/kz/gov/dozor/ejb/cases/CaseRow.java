package kz.gov.dozor.ejb.cases;

import java.io.Serializable;
import java.time.Instant;
import kz.gov.dozor.persistence.cases.CaseStatus;

/** One line of the case list. */
public record CaseRow(
    long id,
    String registrationNumber,
    CaseStatus status,
    String categoryCode,
    String firstUrl,
    long resourceCount,
    Instant detectedAt,
    Instant registeredAt,
    String registeredBy)
    implements Serializable {}
