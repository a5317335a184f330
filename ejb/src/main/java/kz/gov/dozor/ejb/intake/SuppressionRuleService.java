package kz.gov.dozor.ejb.intake;

import static kz.gov.dozor.ejb.platform.Checks.refuseIf;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kz.gov.dozor.ejb.audit.AuditLog;
import kz.gov.dozor.ejb.cases.ConcurrentChangeException;
import kz.gov.dozor.ejb.cases.InvalidUrlException;
import kz.gov.dozor.ejb.cases.UrlNormalizer;
import kz.gov.dozor.ejb.platform.AccessDeniedException;
import kz.gov.dozor.ejb.platform.Almaty;
import kz.gov.dozor.ejb.platform.Checks;
import kz.gov.dozor.ejb.platform.InvalidInputException.Problem;
import kz.gov.dozor.ejb.platform.NotFoundException;
import kz.gov.dozor.ejb.users.Caller;
import kz.gov.dozor.ejb.users.Organisations;
import kz.gov.dozor.ejb.users.Roles;
import kz.gov.dozor.ejb.users.UserDirectory;
import kz.gov.dozor.persistence.audit.AuditAction;
import kz.gov.dozor.persistence.intake.SuppressionRule;
import kz.gov.dozor.persistence.intake.SuppressionRule.Action;
import kz.gov.dozor.persistence.intake.SuppressionRule.RuleKind;

/**
 * Suppression rules, kept by an agency's administrators: added with an end date and retired, never
 * changed or deleted, every change in the audit log. The intake applies them ({@link
 * SuppressionRules}).
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class SuppressionRuleService {

  static final int MAX_PATTERN = 2048;
  static final int MAX_REASON = 1000;

  /** A rule is a stopgap, reviewed at least yearly: its end date is within a year. */
  static final int MAX_DAYS = 366;

  /** The newest rules the page lists. */
  public static final int MAX_LISTED = 500;

  static final String SUBJECT = "suppression_rule";

  @PersistenceContext private EntityManager em;
  @Inject private UserDirectory users;
  @Inject private AuditLog audit;
  @Inject private Clock clock;

  /** What the form sends. */
  public record NewRule(
      RuleKind kind, String pattern, Action action, String reason, LocalDate endsOn) {}

  /** The organisation's rules, those in force first, newest first. */
  public List<SuppressionRuleView> rules() {
    Caller caller = agencyAdministrator(null);
    LocalDate today = today();
    List<SuppressionRule> found =
        em.createQuery(
                "select r from SuppressionRule r where r.organisation = :org"
                    + " order by case when r.retiredAt is null and r.endsOn >= :today then 0"
                    + " else 1 end, r.createdAt desc, r.id desc",
                SuppressionRule.class)
            .setParameter("org", caller.organisation())
            .setParameter("today", today)
            .setMaxResults(MAX_LISTED)
            .getResultList();
    // People are named by their full name, as everywhere in the portal.
    Map<String, String> names =
        users.displayNames(found.stream().map(SuppressionRule::getCreatedBy).toList());
    List<SuppressionRuleView> out = new ArrayList<>();
    for (SuppressionRule r : found) {
      out.add(SuppressionRuleView.of(r, today, names.get(r.getCreatedBy())));
    }
    return out;
  }

  /** Adds a rule, applied to the next reports received; returns its id. */
  public long addRule(NewRule in) {
    Caller caller = agencyAdministrator(null);
    List<Problem> problems = new ArrayList<>();
    LocalDate today = today();
    if (in.kind() == null) {
      problems.add(new Problem("kind", "field.required"));
      // The pattern is checked against its kind; without one, it can still be missing.
      if (Checks.isBlank(in.pattern())) {
        problems.add(new Problem("pattern", "field.required"));
      }
    }
    String pattern = in.kind() == null ? null : pattern(in.kind(), in.pattern(), problems);
    if (in.action() == null) {
      problems.add(new Problem("action", "field.required"));
    }
    Checks.required("reason", in.reason(), MAX_REASON, problems);
    if (in.endsOn() == null) {
      problems.add(new Problem("endsOn", "field.required"));
    } else if (in.endsOn().isBefore(today)) {
      problems.add(new Problem("endsOn", "intake.rule.endsOn.past"));
    } else if (in.endsOn().isAfter(today.plusDays(MAX_DAYS))) {
      problems.add(new Problem("endsOn", "intake.rule.endsOn.tooFar", MAX_DAYS));
    }
    refuseIf(problems);
    Instant now = clock.instant();
    SuppressionRule rule =
        new SuppressionRule(
            caller.organisation(),
            in.kind(),
            pattern,
            in.action(),
            in.reason().strip(),
            in.endsOn(),
            caller.username(),
            now);
    em.persist(rule);
    em.flush();
    audit.record(
        AuditAction.SUPPRESSION_RULE_ADDED,
        SUBJECT,
        rule.getId(),
        in.kind()
            + " "
            + pattern
            + " -> "
            + in.action()
            + " until "
            + in.endsOn()
            + ": "
            + rule.getReason(),
        null);
    return rule.getId();
  }

  /** Retires the rule the administrator saw ({@code version}): it no longer applies. */
  public void retireRule(long id, long version) {
    SuppressionRule rule = em.find(SuppressionRule.class, id);
    if (rule == null) {
      throw new NotFoundException("intake.rule.notFound", id);
    }
    agencyAdministrator(rule);
    if (rule.getVersion() != version) {
      throw new ConcurrentChangeException();
    }
    if (rule.getRetiredAt() != null) {
      return;
    }
    Caller caller = users.requireOrganisationMember();
    rule.retire(caller.username(), clock.instant());
    em.flush();
    audit.record(
        AuditAction.SUPPRESSION_RULE_RETIRED,
        SUBJECT,
        id,
        rule.getKind()
            + " "
            + rule.getPattern()
            + " (suppressed "
            + rule.getSuppressedCount()
            + ")",
        null);
  }

  /** The caller, an administrator of an agency (and of the rule's agency, when there is one). */
  private Caller agencyAdministrator(SuppressionRule rule) {
    Caller caller = users.requireOrganisationMember();
    if (!Organisations.isAgency(caller.organisation())
        || (rule != null && !caller.belongsTo(rule.getOrganisation()))) {
      audit.recordDenied(
          SUBJECT, rule == null ? null : rule.getId(), "suppression rules of an agency", null);
      throw new AccessDeniedException("access.denied");
    }
    return caller;
  }

  /** The pattern in the form rules compare: a host in ASCII, a URL glob, a source name. */
  static String pattern(RuleKind kind, String raw, List<Problem> problems) {
    String p = Checks.blankToNull(raw);
    if (p == null) {
      problems.add(new Problem("pattern", "field.required"));
      return null;
    }
    if (p.length() > MAX_PATTERN || Checks.hasBidiControls(p)) {
      problems.add(new Problem("pattern", "text.tooLong", MAX_PATTERN));
      return null;
    }
    switch (kind) {
      case HOST -> {
        try {
          String host = UrlNormalizer.normalize("https://" + p + "/").host();
          if (p.contains("/") || p.contains(":") || p.contains("?")) {
            throw new InvalidUrlException("url.host");
          }
          return host;
        } catch (InvalidUrlException e) {
          problems.add(new Problem("pattern", "intake.rule.host.invalid"));
          return null;
        }
      }
      case URL_PATTERN -> {
        String lower = p.toLowerCase(Locale.ROOT);
        // The scheme and at least the start of the host are literal: a rule never suppresses
        // everything.
        if (!(lower.startsWith("http://") || lower.startsWith("https://"))
            || p.chars().anyMatch(Character::isWhitespace)
            || p.length() <= p.indexOf("://") + 3
            || "*?".indexOf(p.charAt(p.indexOf("://") + 3)) >= 0) {
          problems.add(new Problem("pattern", "intake.rule.glob.invalid"));
          return null;
        }
        int hostEnd = p.indexOf('/', p.indexOf("://") + 3);
        // Scheme and host are compared lower-case (normalised URLs are).
        return hostEnd < 0 ? lower : lower.substring(0, hostEnd) + p.substring(hostEnd);
      }
      case SOURCE -> {
        if (p.length() > DetectionChecks.MAX_SOURCE) {
          problems.add(new Problem("pattern", "text.tooLong", DetectionChecks.MAX_SOURCE));
          return null;
        }
        return p;
      }
      default -> throw new IllegalArgumentException(kind.name());
    }
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), Almaty.ZONE);
  }
}
