package kz.gov.dozor.ejb.intake;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import kz.gov.dozor.persistence.cases.Platform;
import kz.gov.dozor.persistence.intake.TriageStatus;

/**
 * One line of the triage queue.
 *
 * @param takenBy who holds it now (null when nobody does or the hold expired)
 * @param takenByName how people call them
 * @param takenByMe whether the caller holds it
 */
public record TriageRow(
    long id,
    String url,
    String host,
    Platform platform,
    String categoryCode,
    BigDecimal score,
    Instant firstSeenAt,
    Instant lastSeenAt,
    int seenCount,
    int sourceCount,
    TriageStatus status,
    String takenBy,
    String takenByName,
    boolean takenByMe,
    Instant takenUntil,
    Long caseId,
    String caseNumber,
    String dismissalReason)
    implements Serializable {}
