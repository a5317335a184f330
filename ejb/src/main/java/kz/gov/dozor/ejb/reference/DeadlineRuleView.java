package kz.gov.dozor.ejb.reference;

import java.io.Serializable;

/** The deadline of one step: so many days, working or calendar. */
public record DeadlineRuleView(String step, int days, boolean workingDays)
    implements Serializable {}
