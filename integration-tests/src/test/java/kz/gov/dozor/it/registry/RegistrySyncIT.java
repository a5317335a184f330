package kz.gov.dozor.it.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import kz.gov.dozor.ejb.notices.NoticeService;
import kz.gov.dozor.ejb.reference.DeadlineWatch;
import kz.gov.dozor.ejb.registry.ProviderStatus;
import kz.gov.dozor.ejb.registry.Providers;
import kz.gov.dozor.it.support.Deployments;
import kz.gov.dozor.it.support.Procedures;
import kz.gov.dozor.it.support.TestConfig;
import kz.gov.dozor.it.support.TestData;
import kz.gov.dozor.it.support.TestIdentity.User;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The provider's side, as a provider runs it: the repository's client {@code bin/registry-sync}
 * polls the registry, verifies the ministry's signature, keeps its copy in step (a lift is a
 * removal) and confirms; a signature by another key is refused and nothing applied. A provider late
 * with an urgent change is flagged and the ministry's officers are told, once.
 */
@ExtendWith(ArquillianExtension.class)
class RegistrySyncIT {

  static {
    TestConfig.adopt();
  }

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.servicesWith(RegistrySyncIT.class);
  }

  @Inject Procedures given;
  @Inject NoticeService notices;
  @Inject Providers providers;
  @Inject DeadlineWatch watch;

  TestData db;
  User investigator;
  User supervisor;
  User officer;

  @BeforeEach
  void setUp() throws Exception {
    db = given.db();
    investigator = db.user("sinv", "afm", "investigator");
    supervisor = db.user("ssup", "afm", "supervisor");
    officer = db.user("soff", "mci", "officer");
  }

  /** Runs the provider's client once against the test server; its exit status and output. */
  static Sync sync(Path dir, String certificate) throws Exception {
    String base = System.getProperty("dozor.base.url", "http://localhost:8090/dozor/");
    ProcessBuilder pb =
        new ProcessBuilder(
                System.getProperty("dozor.registry.sync"),
                "--api",
                base + "api/v1/registry",
                "--token-url",
                System.getProperty("dozor.oidc.provider.url") + "/protocol/openid-connect/token",
                "--client-id",
                "dozor-provider-demo",
                "--ca",
                certificate,
                "--dir",
                dir.toString(),
                "--once")
            .redirectErrorStream(true);
    pb.environment()
        .put("REGISTRY_CLIENT_SECRET", System.getProperty("dozor.provider.client.secret"));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Sync(p.waitFor(), out);
  }

  record Sync(int status, String output) {}

  static String certificate() {
    return System.getProperty("dozor.registry.certificate");
  }

  static JsonObject copy(Path dir) throws Exception {
    return Json.createReader(new StringReader(Files.readString(dir.resolve("registry.json"))))
        .readObject();
  }

  Set<String> activeIds() throws Exception {
    return db.rows("select id from registry_entry where active").stream()
        .map(r -> String.valueOf(((Number) r.get(0)).longValue()))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  long registryVersion() throws Exception {
    return ((Number) db.single("select version from registry_state")).longValue();
  }

  Long appliedVersion() throws Exception {
    Object v = db.single("select applied_version from provider where code = 'demo-isp'");
    return v == null ? null : ((Number) v).longValue();
  }

  @Test
  void theProviderClientVerifiesAppliesAndConfirmsEveryChange() throws Exception {
    List<Long> entries =
        given.blocked(
            investigator,
            supervisor,
            officer,
            Procedures.uniqueUrls("sync-a", 3),
            "ILLEGAL_GAMBLING",
            "MCI-S-1");
    Path dir = Files.createTempDirectory("isp");

    // First run: the full export, verified, held and confirmed.
    Sync first = sync(dir, certificate());
    assertEquals(0, first.status(), first.output());
    long v1 = registryVersion();
    assertTrue(first.output().contains("applied version " + v1), first.output());
    assertEquals(v1, copy(dir).getJsonNumber("version").longValue());
    assertEquals(activeIds(), new TreeSet<>(copy(dir).getJsonObject("entries").keySet()));
    assertEquals(v1, appliedVersion());
    assertTrue(Files.exists(dir.resolve("last-export.json.p7s")));

    // Nothing new: nothing fetched.
    Sync idle = sync(dir, certificate());
    assertEquals(0, idle.status(), idle.output());
    assertTrue(idle.output().contains("nothing to do"), idle.output());

    // A lift and a new block: one delta; the lifted entry leaves the copy.
    long liftVersion =
        ((Number) db.single("select version from registry_entry where id = ?", entries.get(0)))
            .longValue();
    officer.run(() -> notices.liftBlock(entries.get(0), liftVersion, "Removed by its owner."));
    List<Long> added =
        given.blocked(
            investigator,
            supervisor,
            officer,
            Procedures.uniqueUrls("sync-b", 1),
            "ILLEGAL_GAMBLING",
            "MCI-S-2");
    Sync second = sync(dir, certificate());
    assertEquals(0, second.status(), second.output());
    long v2 = registryVersion();
    assertTrue(second.output().contains("since " + v1), second.output());
    JsonObject held = copy(dir);
    assertEquals(v2, held.getJsonNumber("version").longValue());
    assertFalse(held.getJsonObject("entries").containsKey(String.valueOf(entries.get(0))));
    assertTrue(held.getJsonObject("entries").containsKey(String.valueOf(added.get(0))));
    assertEquals(activeIds(), new TreeSet<>(held.getJsonObject("entries").keySet()));
    assertEquals(v2, appliedVersion());
    assertEquals(
        1L,
        db.count(
            "select count(*) from registry_ack where provider_code = 'demo-isp' and version = ?",
            v2));

    // Signed by a key the provider does not trust: refused, nothing applied, nothing confirmed.
    given.blocked(
        investigator,
        supervisor,
        officer,
        Procedures.uniqueUrls("sync-c", 1),
        "ILLEGAL_GAMBLING",
        "MCI-S-3");
    Path stranger = Files.createTempDirectory("stranger").resolve("other.p12");
    Process key =
        new ProcessBuilder(
                Path.of(System.getProperty("dozor.registry.sync"))
                    .getParent()
                    .resolve("../wildfly-config/bin/signing-key.sh")
                    .toString(),
                stranger.toString(),
                "other-password",
                "CN=Not the ministry")
            .redirectErrorStream(true)
            .start();
    key.getInputStream().readAllBytes();
    assertEquals(0, key.waitFor());
    String before = Files.readString(dir.resolve("registry.json"));
    Sync refused = sync(dir, stranger.toString().replace(".p12", ".pem"));
    assertEquals(2, refused.status(), refused.output());
    assertTrue(refused.output().contains("does not verify"), refused.output());
    assertEquals(before, Files.readString(dir.resolve("registry.json")));
    assertEquals(v2, appliedVersion());
  }

  @Test
  void aProviderLateWithAnUrgentChangeIsFlaggedAndTheOfficersAreToldOnce() throws Exception {
    // The provider is up to date first.
    Path dir = Files.createTempDirectory("isp");
    Sync upToDate = sync(dir, certificate());
    assertEquals(0, upToDate.status(), upToDate.output());
    ProviderStatus fresh = officer.call(() -> providers.status("demo-isp"));
    assertTrue(fresh.upToDate(), fresh.toString());
    assertFalse(fresh.overdue());

    // An urgent block (child sexual abuse material), decided two hours ago: past the 1-hour
    // deadline.
    given.blocked(
        investigator, supervisor, officer, Procedures.uniqueUrls("sync-u", 1), "CSAM", "MCI-U-1");
    long urgent = registryVersion();
    assertEquals(
        Boolean.TRUE, db.single("select urgent from registry_change where version = ?", urgent));
    ProviderStatus waiting = officer.call(() -> providers.status("demo-isp"));
    assertTrue(waiting.urgentPending());
    assertFalse(waiting.overdue(), "within its hour");
    db.update(
        "update registry_change set changed_at = changed_at - interval '2 hours' where version = ?",
        urgent);
    ProviderStatus late = officer.call(() -> providers.status("demo-isp"));
    assertTrue(late.overdue(), late.toString());
    assertNotNull(late.dueAt());
    assertTrue(
        officer.call(() -> providers.all()).stream()
            .anyMatch(p -> p.code().equals("demo-isp") && p.overdue()));

    // The watch's timer may have run already on its own; either way it flags once.
    watch.checkOverdue();
    assertEquals(
        1L,
        db.count(
            "select count(*) from provider_overdue where provider_code = 'demo-isp'"
                + " and version = ? and urgent",
            urgent));
    String message =
        "select count(*) from portal_notification where recipient = ?"
            + " and message_key = 'inbox.providerOverdueUrgent' and parameters like ?";
    assertEquals(1L, db.count(message, officer.username(), "%" + urgent + "%"));
    // Every node's timer runs it again: nobody is told twice.
    watch.checkOverdue();
    assertEquals(1L, db.count(message, officer.username(), "%" + urgent + "%"));

    // Applied: no longer overdue.
    Sync applied = sync(dir, certificate());
    assertEquals(0, applied.status(), applied.output());
    assertFalse(officer.call(() -> providers.status("demo-isp")).overdue());
  }
}
