package kz.gov.dozor.ejb.intake;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import kz.gov.dozor.persistence.intake.SuppressionRule;
import kz.gov.dozor.persistence.intake.SuppressionRule.Action;
import kz.gov.dozor.persistence.intake.SuppressionRule.RuleKind;

/** A suppression rule as the administrators' page shows it, with what it suppressed. */
public record SuppressionRuleView(
    long id,
    long version,
    RuleKind kind,
    String pattern,
    Action action,
    String reason,
    LocalDate endsOn,
    String createdBy,
    String createdByName,
    Instant createdAt,
    String retiredBy,
    Instant retiredAt,
    long suppressedCount,
    Instant lastSuppressedAt,
    boolean inForce)
    implements Serializable {

  static SuppressionRuleView of(SuppressionRule r, LocalDate today, String createdByName) {
    return new SuppressionRuleView(
        r.getId(),
        r.getVersion(),
        r.getKind(),
        r.getPattern(),
        r.getAction(),
        r.getReason(),
        r.getEndsOn(),
        r.getCreatedBy(),
        createdByName,
        r.getCreatedAt(),
        r.getRetiredBy(),
        r.getRetiredAt(),
        r.getSuppressedCount(),
        r.getLastSuppressedAt(),
        r.inForceOn(today));
  }
}
