package kz.gov.dozor.it.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import kz.gov.dozor.ejb.notices.NoticeService;
import kz.gov.dozor.it.support.Deployments;
import kz.gov.dozor.it.support.Procedures;
import kz.gov.dozor.it.support.TestConfig;
import kz.gov.dozor.it.support.TestData;
import kz.gov.dozor.it.support.TestIdentity.User;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The registry API as a provider uses it, against the running portal, with blocks and lifts made by
 * an officer through the services: the version, full exports in three formats with one content,
 * deltas whose sum from version 0 is the full export, a lift as a removal, conditional requests,
 * refused input, confirmations and the record of every fetch.
 */
@ExtendWith(ArquillianExtension.class)
class RegistryApiIT {

  static {
    TestConfig.adopt();
  }

  static final String API =
      System.getProperty("dozor.base.url", "http://localhost:8090/dozor/") + "api/v1/registry";
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.servicesWith(RegistryApiIT.class);
  }

  @Inject Procedures given;
  @Inject NoticeService notices;

  TestData db;
  User investigator;
  User supervisor;
  User officer;
  String token;

  @BeforeEach
  void setUp() throws Exception {
    db = given.db();
    investigator = db.user("rinv", "afm", "investigator");
    supervisor = db.user("rsup", "afm", "supervisor");
    officer = db.user("roff", "mci", "officer");
    token = providerToken();
  }

  static String providerToken() throws Exception {
    String form =
        "grant_type=client_credentials&client_id=dozor-provider-demo&client_secret="
            + URLEncoder.encode(
                System.getProperty("dozor.provider.client.secret"), StandardCharsets.UTF_8);
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        System.getProperty("dozor.oidc.provider.url")
                            + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return json(r.body()).getString("access_token");
  }

  HttpResponse<String> get(String query, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(API + query)).header("Authorization", "Bearer " + token);
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> acknowledge(String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(API + "/acknowledgements"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static JsonObject json(String s) {
    return Json.createReader(new StringReader(s)).readObject();
  }

  static void assertProblem(HttpResponse<String> r, int status, String code) {
    assertEquals(status, r.statusCode(), r.body());
    assertTrue(
        r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    assertEquals("urn:dozor:problem:" + code, json(r.body()).getString("type"), r.body());
  }

  /** id → hash of the entries of a JSON export; for a delta, removed ones map to null. */
  static Map<Long, String> entries(String body) {
    Map<Long, String> m = new TreeMap<>();
    for (JsonValue v : json(body).getJsonArray("entries")) {
      JsonObject e = v.asJsonObject();
      boolean removed = "removed".equals(e.getString("change", ""));
      m.put(e.getJsonNumber("id").longValue(), removed ? null : e.getString("hash"));
    }
    return m;
  }

  /** Applies a delta to a provider's copy. */
  static void apply(Map<Long, String> copy, String delta) {
    entries(delta)
        .forEach(
            (id, hash) -> {
              if (hash == null) {
                copy.remove(id);
              } else {
                copy.put(id, hash);
              }
            });
  }

  long version() throws Exception {
    HttpResponse<String> r = get("/version");
    assertEquals(200, r.statusCode(), r.body());
    return json(r.body()).getJsonNumber("version").longValue();
  }

  /** A sent notification of {@code n} resources, all blocked by one decision; its entries' ids. */
  List<Long> blocked(int n, String prefix) throws Exception {
    return given.blocked(
        investigator,
        supervisor,
        officer,
        Procedures.uniqueUrls(prefix, n),
        "ILLEGAL_GAMBLING",
        "MCI-R-" + prefix);
  }

  void lift(long entryId) throws Exception {
    long v =
        ((Number) db.single("select version from registry_entry where id = ?", entryId))
            .longValue();
    officer.run(() -> notices.liftBlock(entryId, v, "Content removed by its owner."));
  }

  @Test
  void fullExportsAgreeAndDeltasFromZeroAddUpToTheFullExport() throws Exception {
    long before = version();
    List<Long> first = blocked(3, "reg-a");
    long afterBlock = version();
    assertEquals(before + 1, afterBlock, "one decision on three resources is one version");

    HttpResponse<String> full = get("?format=json");
    assertEquals(200, full.statusCode(), full.body());
    assertEquals(
        String.valueOf(afterBlock), full.headers().firstValue("Dozor-Registry-Version").get());
    assertTrue(full.headers().firstValue("Content-Disposition").get().startsWith("attachment"));
    Map<Long, String> snapshot = entries(full.body());
    assertTrue(snapshot.keySet().containsAll(first));
    assertEquals("full", json(full.body()).getString("kind"));

    // A provider that started from nothing and applied every delta has the full export.
    Map<Long, String> copy = new HashMap<>();
    apply(copy, get("?format=json&since=0").body());
    assertEquals(snapshot, new TreeMap<>(copy));

    // A lift is a removal in the next delta, and gone from the full export.
    lift(first.get(0));
    long afterLift = version();
    assertEquals(afterBlock + 1, afterLift);
    HttpResponse<String> delta = get("?format=json&since=" + afterBlock);
    assertEquals(200, delta.statusCode(), delta.body());
    JsonObject d = json(delta.body());
    assertEquals("delta", d.getString("kind"));
    assertEquals(afterBlock, d.getJsonNumber("since").longValue());
    assertEquals(1, d.getJsonArray("entries").size(), delta.body());
    JsonObject removed = d.getJsonArray("entries").getJsonObject(0);
    assertEquals(first.get(0).longValue(), removed.getJsonNumber("id").longValue());
    assertEquals("removed", removed.getString("change"));
    assertNotNull(removed.getString("liftedAt"));
    apply(copy, delta.body());
    Map<Long, String> now = entries(get("?format=json").body());
    assertFalse(now.containsKey(first.get(0)));
    assertEquals(now, new TreeMap<>(copy));
    // Added in a later decision: "added" since the version before it.
    List<Long> second = blocked(2, "reg-b");
    Map<String, String> changes =
        json(get("?format=json&since=" + afterLift).body()).getJsonArray("entries").stream()
            .map(JsonValue::asJsonObject)
            .collect(
                Collectors.toMap(
                    e -> String.valueOf(e.getJsonNumber("id").longValue()),
                    e -> e.getString("change")));
    for (long id : second) {
      assertEquals("added", changes.get(String.valueOf(id)));
    }
    // Since 0, an entry blocked and lifted since then is not there at all: the provider never
    // had it.
    assertFalse(entries(get("?format=json&since=0").body()).containsKey(first.get(0)));
  }

  @Test
  void xmlJsonAndCsvCarryTheSameEntriesAndTheXmlFollowsItsSchema() throws Exception {
    blocked(2, "reg-f");
    long v = version();
    String xml = get("?format=xml").body();
    String jsonBody = get("", "Accept", "application/json").body();
    HttpResponse<String> csv = get("?format=csv");
    assertEquals(String.valueOf(v), csv.headers().firstValue("Dozor-Registry-Version").get());
    assertTrue(csv.headers().firstValue("Content-Type").get().startsWith("text/csv"));

    byte[] xsd =
        HTTP.send(
                HttpRequest.newBuilder(URI.create(API + "/schema"))
                    .header("Authorization", "Bearer " + token)
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray())
            .body();
    SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
        .newSchema(new StreamSource(new ByteArrayInputStream(xsd)))
        .newValidator()
        .validate(new StreamSource(new StringReader(xml)));

    Map<Long, String> fromJson = entries(jsonBody);
    Map<Long, String> fromCsv = new TreeMap<>();
    for (CSVRecord r :
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .build()
            .parse(new StringReader(csv.body()))) {
      fromCsv.put(Long.valueOf(r.get("id")), r.get("hash"));
    }
    Map<Long, String> fromXml = new TreeMap<>();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("<entry id=\"(\\d+)\" urgent=\"\\w+\" hash=\"(\\w+)\"")
            .matcher(xml);
    while (m.find()) {
      fromXml.put(Long.valueOf(m.group(1)), m.group(2));
    }
    assertFalse(fromJson.isEmpty());
    assertEquals(fromJson, fromCsv);
    assertEquals(fromJson, fromXml);
    // Each entry's hash is the SHA-256 of its content, as the schema's notes say.
    long id = fromJson.keySet().iterator().next();
    assertEquals(
        fromJson.get(id),
        db.single("select registry_entry_hash(e) from registry_entry e where id = ?", id));
  }

  @Test
  void conditionalRequestsAreAnsweredNotModified() throws Exception {
    blocked(1, "reg-c");
    HttpResponse<String> first = get("?format=xml");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    String modified = first.headers().firstValue("Last-Modified").orElseThrow();

    HttpResponse<String> again = get("?format=xml", "If-None-Match", etag);
    assertEquals(304, again.statusCode());
    assertEquals("", again.body());
    assertEquals(etag, again.headers().firstValue("ETag").orElseThrow());
    assertEquals(304, get("?format=xml", "If-Modified-Since", modified).statusCode());
    // Another format or another delta is another document.
    assertEquals(200, get("?format=json", "If-None-Match", etag).statusCode());

    blocked(1, "reg-d");
    assertEquals(200, get("?format=xml", "If-None-Match", etag).statusCode());
  }

  @Test
  void badRequestsGetProblemDocuments() throws Exception {
    long v = version();
    assertProblem(get("?since=abc"), 400, "malformed-since");
    assertProblem(get("?since=-1"), 400, "unknown-version");
    assertProblem(get("?since=" + (v + 1000)), 400, "unknown-version");
    assertProblem(get("?format=pdf"), 400, "unsupported-format");
    assertProblem(acknowledge("{\"version\":\"x\"}"), 400, "malformed-acknowledgement");
    assertProblem(acknowledge("not json"), 400, "malformed-acknowledgement");
    assertProblem(acknowledge("{\"version\":" + (v + 1000) + "}"), 422, "unknown-version");
  }

  @Test
  void aProviderConfirmsWhatItFetchedAndEveryFetchIsRecorded() throws Exception {
    blocked(1, "reg-k");
    long fetchesBefore =
        db.count("select count(*) from registry_fetch where provider_code = 'demo-isp'");
    HttpResponse<String> full = get("?format=csv");
    long v = Long.parseLong(full.headers().firstValue("Dozor-Registry-Version").get());
    get("?format=json&since=" + (v - 1));
    get("?format=json&since=" + v, "If-None-Match", "\"" + v + ".json.since-" + v + "\"");
    assertEquals(
        fetchesBefore + 2,
        db.count("select count(*) from registry_fetch where provider_code = 'demo-isp'"),
        "two exports fetched (a 304 sends none)");
    assertEquals(
        1L,
        db.count(
            "select count(*) from registry_fetch where provider_code = 'demo-isp' and version = ?"
                + " and since = ? and format = 'json'",
            v,
            v - 1));

    HttpResponse<String> ok = acknowledge("{\"version\":" + v + "}");
    assertEquals(200, ok.statusCode(), ok.body());
    assertEquals(v, json(ok.body()).getJsonNumber("appliedVersion").longValue());
    JsonObject status = json(get("/version").body());
    assertEquals(v, status.getJsonNumber("appliedVersion").longValue());
    assertEquals(
        1L,
        db.count(
            "select count(*) from registry_ack where provider_code = 'demo-isp' and version = ?",
            v));

    // A version made after the provider's last fetch was never fetched: refused.
    blocked(1, "reg-l");
    assertProblem(acknowledge("{\"version\":" + (v + 1) + "}"), 422, "version-not-fetched");
    assertEquals(
        Set.of(v),
        db.rows("select applied_version from provider where code = 'demo-isp'").stream()
            .map(r -> ((Number) r.get(0)).longValue())
            .collect(Collectors.toSet()));
  }

  @Test
  void everyExportIsSignedAndOpensslVerifiesItButNotAfterOneByteChanged() throws Exception {
    blocked(2, "reg-s");
    for (String query : List.of("?format=xml", "?format=csv&since=0")) {
      HttpResponse<byte[]> export =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(API + query))
                  .header("Authorization", "Bearer " + token)
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, export.statusCode());
      String link = export.headers().firstValue("Link").orElseThrow();
      String fetch = export.headers().firstValue("Dozor-Registry-Fetch").orElseThrow();
      assertTrue(link.contains("/api/v1/registry/fetches/" + fetch + "/signature"), link);
      assertTrue(link.contains("rel=\"signature\""), link);
      HttpResponse<byte[]> sig =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(API + "/fetches/" + fetch + "/signature"))
                  .header("Authorization", "Bearer " + token)
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, sig.statusCode());
      assertEquals(
          "application/pkcs7-signature", sig.headers().firstValue("Content-Type").orElseThrow());
      // What the provider received is what the portal kept as fetched.
      String sha256 =
          java.util.HexFormat.of()
              .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(export.body()));
      assertEquals(sha256, sig.headers().firstValue("Dozor-Export-Sha256").orElseThrow());
      assertEquals(
          sha256,
          ((String)
                  db.single("select sha256 from registry_fetch where id = ?", Long.valueOf(fetch)))
              .strip());

      java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("registry-sig");
      java.nio.file.Path content = dir.resolve("export");
      java.nio.file.Path p7s = dir.resolve("export.p7s");
      java.nio.file.Files.write(content, export.body());
      java.nio.file.Files.write(p7s, sig.body());
      String cert = System.getProperty("dozor.registry.certificate");
      StringBuilder out = new StringBuilder();
      String[] verify = {
        "openssl",
        "cms",
        "-verify",
        "-binary",
        "-inform",
        "DER",
        "-in",
        p7s.toString(),
        "-content",
        content.toString(),
        "-CAfile",
        cert,
        "-purpose",
        "any",
        "-out",
        "/dev/null"
      };
      assertEquals(0, kz.gov.dozor.it.support.Commands.run(out, verify), out.toString());
      assertTrue(out.toString().contains("Verification successful"), out.toString());

      // One byte changed anywhere in the export: the signature no longer verifies.
      byte[] changed = export.body().clone();
      changed[changed.length / 2] ^= 1;
      java.nio.file.Files.write(content, changed);
      StringBuilder failed = new StringBuilder();
      assertTrue(kz.gov.dozor.it.support.Commands.run(failed, verify) != 0, failed.toString());
      assertTrue(failed.toString().contains("Verification failure"), failed.toString());
    }

    // Another provider's fetch, or one that does not exist, has no signature for this provider.
    assertProblem(get("/fetches/999999999999/signature"), 404, "no-such-fetch");
    assertProblem(get("/fetches/abc/signature"), 404, "no-such-fetch");
    HttpResponse<String> pem = get("/certificate");
    assertEquals(200, pem.statusCode());
    java.security.cert.CertificateFactory x509 =
        java.security.cert.CertificateFactory.getInstance("X.509");
    assertEquals(
        x509.generateCertificate(
            java.nio.file.Files.newInputStream(
                java.nio.file.Path.of(System.getProperty("dozor.registry.certificate")))),
        x509.generateCertificate(
            new ByteArrayInputStream(pem.body().getBytes(StandardCharsets.US_ASCII))));
  }

  @Test
  void aCorrectedDecisionIsAChangeInTheNextDelta() throws Exception {
    List<Long> ids = blocked(2, "reg-x");
    long id = ids.get(0);
    long before = version();
    Map<Long, String> hashes = entries(get("?format=json").body());
    long entryVersion =
        ((Number) db.single("select version from registry_entry where id = ?", id)).longValue();
    java.time.LocalDate yesterday =
        java.time.LocalDate.now(java.time.ZoneId.of("Asia/Almaty")).minusDays(1);

    // Nothing changed, a lifted block, the agency: refused.
    assertThrows(
        kz.gov.dozor.ejb.platform.InvalidInputException.class,
        () ->
            officer.run(
                () ->
                    notices.correctBlock(
                        id,
                        entryVersion,
                        "MCI-R-reg-x",
                        java.time.LocalDate.now(java.time.ZoneId.of("Asia/Almaty")),
                        "Typo.")));
    assertThrows(
        Exception.class,
        () ->
            investigator.run(
                () -> notices.correctBlock(id, entryVersion, "X-1", yesterday, "Typo.")));

    officer.run(() -> notices.correctBlock(id, entryVersion, "MCI-R-reg-x-2", yesterday, "Typo."));
    assertEquals(before + 1, version());
    JsonObject d = json(get("?format=json&since=" + before).body());
    assertEquals(1, d.getJsonArray("entries").size(), d.toString());
    JsonObject changed = d.getJsonArray("entries").getJsonObject(0);
    assertEquals(id, changed.getJsonNumber("id").longValue());
    assertEquals("changed", changed.getString("change"));
    assertEquals("MCI-R-reg-x-2", changed.getJsonObject("decision").getString("number"));
    assertFalse(hashes.get(id).equals(changed.getString("hash")), "the hash follows the content");
    assertEquals(
        "MCI-R-reg-x-2",
        db.single(
            "select r.decision_number from block_notice_resource r join registry_entry e"
                + " on e.notice_id = r.notice_id and e.resource_id = r.resource_id where e.id = ?",
            id));
    assertEquals(
        "CORRECTION", db.single("select kind from registry_change where version = ?", before + 1));

    // A stale version is refused.
    assertThrows(
        kz.gov.dozor.ejb.cases.ConcurrentChangeException.class,
        () ->
            officer.run(
                () ->
                    notices.correctBlock(id, entryVersion, "MCI-R-reg-x-3", yesterday, "Again.")));
  }
}
