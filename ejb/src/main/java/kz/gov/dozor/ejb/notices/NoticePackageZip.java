package kz.gov.dozor.ejb.notices;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a notification package as a ZIP: {@code letter.pdf}, {@code evidence/…}, {@code
 * timestamps/….tst}, {@code manifest.json}, {@code manifest.json.p7s} and a {@code README.txt} on
 * how to verify it. Streams the evidence files from the store.
 */
public final class NoticePackageZip {

  private NoticePackageZip() {}

  public static void write(NoticePackageContent content, OutputStream out) throws IOException {
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      entry(zip, "letter.pdf", content.letter());
      for (NoticePackageContent.Entry e : content.evidence()) {
        zip.putNextEntry(new ZipEntry(e.name()));
        Files.copy(e.file(), zip);
        zip.closeEntry();
        if (e.token() != null) {
          entry(zip, e.tokenFile(), e.token());
        }
      }
      entry(zip, "manifest.json", content.manifest());
      entry(zip, "manifest.json.p7s", content.manifestSignature());
      entry(zip, "README.txt", readme(content.outgoingNumber()));
    }
  }

  private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content);
    zip.closeEntry();
  }

  private static byte[] readme(String number) {
    return ("Notification package "
            + number
            + "\n\n"
            + "manifest.json lists the letter and every evidence file of this package with its\n"
            + "size and SHA-256, and each evidence file's capture details and RFC 3161 timestamp\n"
            + "token (also in timestamps/). manifest.json.p7s is the agency's detached CMS\n"
            + "signature of manifest.json.\n\n"
            + "To verify, with the agency's certificate (agency.pem), obtained from the agency:\n\n"
            + "  openssl cms -verify -binary -inform DER -in manifest.json.p7s \\\n"
            + "    -content manifest.json -CAfile agency.pem -purpose any -out /dev/null\n"
            + "  jq -r '.files[] | \"\\(.sha256)  \\(.name)\"' manifest.json | sha256sum -c\n\n"
            + "and each timestamp, with the time-stamping authority's certificate (tsa.pem):\n\n"
            + "  openssl ts -verify -in timestamps/NAME.tst -token_in -data evidence/NAME \\\n"
            + "    -CAfile tsa.pem\n")
        .getBytes(StandardCharsets.UTF_8);
  }
}
