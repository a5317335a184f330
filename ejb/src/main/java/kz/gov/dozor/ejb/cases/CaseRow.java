package kz.gov.dozor.ejb.cases;

import java.io.Serializable;
import java.time.Instant;
import kz.gov.dozor.persistence.cases.CaseStatus;

/** One line of the case list; {@code registeredByName} is the full name people read. */
public record CaseRow(
    long id,
    String registrationNumber,
    CaseStatus status,
    String categoryCode,
    String firstUrl,
    long resourceCount,
    Instant detectedAt,
    Instant registeredAt,
    String registeredBy,
    String registeredByName)
    implements Serializable {}
