package kz.gov.dozor.persistence.reference;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The deadline of one step: so many days, working or calendar; a provider's step counts hours
 * ({@code unit} HOURS, kept in {@code days}).
 */
@Entity
@Table(name = "deadline_rule")
public class DeadlineRule {

  @Id
  @Enumerated(EnumType.STRING)
  private DeadlineStep step;

  @Version private long version;

  @Column(nullable = false)
  private int days;

  @Column(name = "working_days", nullable = false)
  private boolean workingDays;

  @Column(nullable = false, length = 5)
  private String unit = "DAYS";

  protected DeadlineRule() {}

  public void change(int days, boolean workingDays) {
    this.days = days;
    this.workingDays = workingDays;
  }

  public DeadlineStep getStep() {
    return step;
  }

  public long getVersion() {
    return version;
  }

  public int getDays() {
    return days;
  }

  public boolean isWorkingDays() {
    return workingDays;
  }

  /** Whether the deadline is counted in hours (then never in working days). */
  public boolean isHours() {
    return "HOURS".equals(unit);
  }
}
