package kz.gov.dozor.ejb.cases;

/**
 * A URL as the user entered it and in its normalised form, which is what comparisons use.
 *
 * @param original the URL as entered (trimmed)
 * @param normalized scheme and host lower-cased, host in punycode, default port, fragment and
 *     tracking parameters dropped
 * @param host the host in ASCII (punycode) form
 */
public record NormalizedUrl(String original, String normalized, String host) {}
