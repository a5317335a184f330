package kz.gov.dozor.ejb.cases;

/** A case as the registration left it. */
public record RegisteredCase(long id, String registrationNumber) {}
