package kz.gov.dozor.ejb.reference;

import java.io.Serializable;
import java.time.LocalDate;

/** A public holiday that working days skip. */
public record HolidayView(LocalDate day, String name) implements Serializable {}
