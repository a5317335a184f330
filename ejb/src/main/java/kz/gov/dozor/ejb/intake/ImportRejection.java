package kz.gov.dozor.ejb.intake;

import java.io.Serializable;

/** A row of an import that was refused, and why. */
public record ImportRejection(long row, String problem, String detail, String url)
    implements Serializable {}
