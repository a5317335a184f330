package kz.gov.dozor.persistence.reference;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The deadline of one step: so many days, working or calendar. */
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
}
