package kz.gov.dozor.ejb.notices;

import java.nio.file.Path;
import java.util.List;

/**
 * What goes into a notification package: the letter, the manifest and its signature (as signed off)
 * and the evidence files the manifest lists, with their tokens.
 */
public record NoticePackageContent(
    String outgoingNumber,
    byte[] letter,
    byte[] manifest,
    byte[] manifestSignature,
    List<Entry> evidence) {

  /** An evidence file: its name in the package, the SHA-256 the manifest states, where it is. */
  public record Entry(String name, String sha256, Path file, byte[] token, String tokenFile) {}
}
