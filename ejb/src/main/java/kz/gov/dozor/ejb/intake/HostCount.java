package kz.gov.dozor.ejb.intake;

import java.io.Serializable;

/** A host of the queue with how many of the matching items it has. */
public record HostCount(String host, long count) implements Serializable {}
