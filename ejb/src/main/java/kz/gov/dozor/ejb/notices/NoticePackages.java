package kz.gov.dozor.ejb.notices;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.stream.JsonGenerator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kz.gov.dozor.ejb.evidence.EvidenceNames;
import kz.gov.dozor.ejb.evidence.timestamps.Timestamps;
import kz.gov.dozor.ejb.platform.signing.DetachedSigner;
import kz.gov.dozor.ejb.users.UserDirectory;
import kz.gov.dozor.persistence.evidence.CaptureRequest;
import kz.gov.dozor.persistence.evidence.Evidence;
import kz.gov.dozor.persistence.evidence.TrustedTimestamp;
import kz.gov.dozor.persistence.notices.BlockNotice;
import kz.gov.dozor.persistence.notices.NoticePackage;
import kz.gov.dozor.persistence.notices.NoticeResource;

/**
 * The documents of a signed-off notification: the official letter (PDF), the manifest of its
 * package (every file's name, size, SHA-256, capture details and timestamp token) and the agency's
 * detached CMS signature of the manifest. Made in the sign-off's transaction, so a sign-off that
 * fails leaves none behind; the package itself (a ZIP) is assembled from them on each download.
 */
@ApplicationScoped
public class NoticePackages {

  /** The manifest's format, named in it. */
  public static final String FORMAT = "dozor-notification-package/1";

  @PersistenceContext private EntityManager em;
  @Inject private Timestamps timestamps;
  @Inject private UserDirectory users;
  @Inject private AgencySigning signing;

  /** Makes and keeps the documents of a notification just signed off by {@code by}. */
  public NoticePackage produce(BlockNotice n, String by, Instant at) {
    List<Evidence> evidence =
        n.getEvidence().stream().sorted(Comparator.comparing(Evidence::getPosition)).toList();
    Map<String, TrustedTimestamp> stamps =
        timestamps.stampsOf(evidence.stream().map(Evidence::getSha256).toList());
    String language = n.getLetterLanguage();
    List<LetterContent.Item> items = new ArrayList<>();
    for (Evidence e : evidence) {
      TrustedTimestamp t = stamps.get(e.getSha256());
      items.add(
          new LetterContent.Item(
              entryName(e),
              e.getSizeBytes(),
              e.getMediaType(),
              e.getSha256(),
              t == null ? null : t.getStampedAt()));
    }
    var vc = n.getViolationCase();
    byte[] letter =
        NoticeLetter.write(
            new LetterContent(
                language,
                n.getOrganisation(),
                n.getOutgoingNumber(),
                at,
                vc.getRegistrationNumber(),
                vc.getCategory().name(Locale.forLanguageTag(language)),
                n.getLegalBasis(),
                n.getJustification(),
                n.getResources().stream()
                    .map(NoticeResource::getResource)
                    .map(r -> r.getUrlOriginal())
                    .toList(),
                items,
                users.displayName(by),
                users.displayName(n.getDraftedBy())));
    String letterSha = sha256(letter);
    byte[] manifest = manifest(n, at, by, letter, letterSha, evidence, stamps);
    DetachedSigner signer = signing.signer();
    DetachedSigner.Signature signature = signer.start();
    try {
      signature.content().write(manifest);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] p7s = signature.finish();
    NoticePackage existing = em.find(NoticePackage.class, n.getId());
    if (existing != null) {
      em.remove(existing);
      em.flush();
    }
    NoticePackage p =
        new NoticePackage(
            n.getId(),
            language,
            letter,
            letterSha,
            manifest,
            p7s,
            signer.certificate().getSubjectX500Principal().getName(),
            at,
            by);
    em.persist(p);
    return p;
  }

  /** The name of an evidence file inside the package: its position in the case, then its name. */
  static String entryName(Evidence e) {
    String name = EvidenceNames.of(e.getFileName(), e.getMediaType()).replaceAll("[/\\\\]", "_");
    return String.format(Locale.ROOT, "evidence/%02d-%s", e.getPosition(), name);
  }

  private byte[] manifest(
      BlockNotice n,
      Instant at,
      String by,
      byte[] letter,
      String letterSha,
      List<Evidence> evidence,
      Map<String, TrustedTimestamp> stamps) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g =
        Json.createGeneratorFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
            .createGenerator(out, StandardCharsets.UTF_8)) {
      g.writeStartObject();
      g.write("format", FORMAT);
      g.writeStartObject("notification")
          .write("outgoingNumber", n.getOutgoingNumber())
          .write("organisation", n.getOrganisation())
          .write("addressee", "MCI")
          .write("case", n.getViolationCase().getRegistrationNumber())
          .write("language", n.getLetterLanguage())
          .write("signedOffAt", at.toString())
          .write("signedOffBy", by)
          .write("preparedBy", n.getDraftedBy())
          .write("resources", n.getResources().size())
          .writeEnd();
      g.writeStartArray("files");
      g.writeStartObject()
          .write("name", "letter.pdf")
          .write("kind", "letter")
          .write("mediaType", "application/pdf")
          .write("size", letter.length)
          .write("sha256", letterSha)
          .writeEnd();
      for (Evidence e : evidence) {
        String name = entryName(e);
        g.writeStartObject()
            .write("name", name)
            .write("kind", "evidence")
            .write("mediaType", e.getMediaType())
            .write("size", e.getSizeBytes())
            .write("sha256", e.getSha256().strip());
        g.writeStartObject("capture")
            .write("method", e.getCaptureMethod())
            .write("by", e.getCapturedBy())
            .write("at", e.getCapturedAt().toString());
        if (e.getClientAddress() != null) {
          g.write("clientAddress", e.getClientAddress());
        }
        CaptureRequest capture =
            e.getCaptureId() == null ? null : em.find(CaptureRequest.class, e.getCaptureId());
        if (capture != null && capture.getFinalUrl() != null) {
          g.writeStartObject("page")
              .write("capture", capture.getId())
              .write("requestedUrl", capture.getUrl())
              .write("finalUrl", capture.getFinalUrl())
              .write("status", capture.getHttpStatus())
              .write("remoteAddress", String.valueOf(capture.getRemoteAddress()))
              .write("browser", String.valueOf(capture.getBrowserVersion()))
              .write("at", String.valueOf(capture.getFinishedAt()))
              .writeEnd();
        }
        g.writeEnd();
        TrustedTimestamp t = stamps.get(e.getSha256());
        if (t == null || t.getToken() == null) {
          g.writeNull("timestamp");
        } else {
          g.writeStartObject("timestamp")
              .write("time", t.getStampedAt().toString())
              .write("authority", t.getAuthority())
              .write("serial", t.getSerial())
              .write("token", Base64.getEncoder().encodeToString(t.getToken()))
              .write("tokenFile", tokenName(name))
              .writeEnd();
        }
        g.writeEnd();
      }
      g.writeEnd();
      g.writeEnd();
    }
    return out.toByteArray();
  }

  /** The token's own file in the package, for {@code openssl ts -verify}. */
  static String tokenName(String evidenceEntry) {
    return "timestamps/" + evidenceEntry.substring("evidence/".length()) + ".tst";
  }

  /** The files a manifest lists: name, SHA-256 and (for evidence with one) the token. */
  public static List<ManifestFile> filesOf(byte[] manifest) {
    try (JsonReader r = Json.createReader(new ByteArrayInputStream(manifest))) {
      JsonObject m = r.readObject();
      List<ManifestFile> files = new ArrayList<>();
      for (JsonObject f : m.getJsonArray("files").getValuesAs(JsonObject.class)) {
        JsonObject t =
            !f.containsKey("timestamp") || f.isNull("timestamp")
                ? null
                : f.getJsonObject("timestamp");
        files.add(
            new ManifestFile(
                f.getString("name"),
                f.getString("kind"),
                f.getString("sha256"),
                t == null ? null : Base64.getDecoder().decode(t.getString("token")),
                t == null ? null : t.getString("tokenFile")));
      }
      return files;
    }
  }

  /** A file of the package as its manifest lists it. */
  public record ManifestFile(
      String name, String kind, String sha256, byte[] token, String tokenFile) {}

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
