package kz.gov.dozor.ejb.reference;

import java.io.Serializable;

/**
 * The deadline of one step: so many days, working or calendar; the organisation whose step it is
 * ({@code owner}: "agency" or "ministry"), whether the caller's organisation may change it, and the
 * version an edit starts from. A provider's step counts {@code days} as hours ({@code hours}).
 */
public record DeadlineRuleView(
    String step,
    int days,
    boolean workingDays,
    boolean hours,
    String owner,
    boolean editable,
    long version)
    implements Serializable {}
