package kz.gov.dozor.web.reference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import kz.gov.dozor.ejb.reference.ChangeView;
import kz.gov.dozor.web.platform.Messages;

/**
 * How a history shows a field's stored value in the reader's language: yes or no, a referral's kind
 * by name, a missing value as a dash; text as it was typed.
 */
@Named("changeText")
@ApplicationScoped
public class ChangeText {

  /** The entry a change is about, as people know it: a step by name, a holiday by its date. */
  public String entry(ChangeView c) {
    return switch (c.subject()) {
      case DEADLINE -> Messages.text("deadline.step." + c.subjectKey());
      case HOLIDAY -> {
        try {
          yield LocalDate.parse(c.subjectKey()).format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
        } catch (DateTimeParseException e) {
          yield c.subjectKey();
        }
      }
      default -> c.subjectLabel();
    };
  }

  public String value(String field, String raw) {
    if (raw == null) {
      return "—";
    }
    boolean yes = Boolean.parseBoolean(raw);
    return switch (field) {
      case "restrictedEvidence", "active" -> Messages.text(yes ? "yes" : "no");
      case "workingDays" -> Messages.text(yes ? "deadlines.working" : "deadlines.calendar");
      case "kind" -> Messages.text("referralKind." + raw);
      default -> raw;
    };
  }
}
