package kz.gov.dozor.ejb.reference;

import java.io.Serializable;

/**
 * The deadline of one step: so many days, working or calendar; the organisation whose step it is
 * ({@code owner}: "agency" or "ministry"), and whether the caller's organisation may change it.
 */
public record DeadlineRuleView(
    String step, int days, boolean workingDays, String owner, boolean editable)
    implements Serializable {}
