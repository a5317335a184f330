package kz.gov.dozor.ejb.registry;

/**
 * An export a provider fetched, as it left the portal: its version (and the delta's start), format,
 * SHA-256 and size, and the ministry's detached CMS signature of its bytes.
 */
public record SignedFetch(
    long id, long version, Long since, String format, String sha256, long bytes, byte[] signature) {

  /** The signature's file name: the export's, with {@code .p7s} added. */
  public String fileName() {
    return "registry-v"
        + version
        + (since == null ? "" : "-since-" + since)
        + "."
        + format
        + ".p7s";
  }
}
