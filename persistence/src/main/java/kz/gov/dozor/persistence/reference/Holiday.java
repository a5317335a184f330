package kz.gov.dozor.persistence.reference;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A public holiday: working days skip it. */
@Entity
@Table(name = "holiday")
public class Holiday {

  @Id private LocalDate day;

  @Column(nullable = false)
  private String name;

  protected Holiday() {}

  public Holiday(LocalDate day, String name) {
    this.day = day;
    this.name = name;
  }

  public void rename(String name) {
    this.name = name;
  }

  public LocalDate getDay() {
    return day;
  }

  public String getName() {
    return name;
  }
}
