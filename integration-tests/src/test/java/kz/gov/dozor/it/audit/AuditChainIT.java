package kz.gov.dozor.it.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import kz.gov.dozor.ejb.audit.AuditLog;
import kz.gov.dozor.ejb.audit.AuditVerifier;
import kz.gov.dozor.ejb.audit.ChainVerification;
import kz.gov.dozor.ejb.cases.CaseService;
import kz.gov.dozor.ejb.cases.NewCase;
import kz.gov.dozor.ejb.cases.RegisteredCase;
import kz.gov.dozor.ejb.evidence.EvidenceService;
import kz.gov.dozor.ejb.platform.AccessDeniedException;
import kz.gov.dozor.ejb.users.UserDirectory;
import kz.gov.dozor.it.support.Deployments;
import kz.gov.dozor.it.support.TestData;
import kz.gov.dozor.it.support.TestFiles;
import kz.gov.dozor.it.support.TestIdentity.User;
import kz.gov.dozor.persistence.evidence.EvidenceAccess.Action;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The audit log in the real server: what it records, and that tampering is found. */
@ExtendWith(ArquillianExtension.class)
class AuditChainIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.servicesWith(AuditChainIT.class);
  }

  @Inject AuditLog audit;
  @Inject AuditVerifier verifier;
  @Inject CaseService cases;
  @Inject EvidenceService evidence;
  @Inject UserDirectory users;

  @Resource(lookup = "java:jboss/datasources/DozorDS")
  DataSource ds;

  TestData db;
  User investigator;

  @BeforeEach
  void setUp() throws Exception {
    db = new TestData(ds);
    investigator = db.user("aud", "afm", "investigator");
  }

  @Test
  void recordsSignInsRegistrationsDownloadsAndRefusals() throws Exception {
    investigator.run(
        () ->
            users.recordSignIn(null, "Test", "t@example.kz", "afm", ",investigator,", "10.1.1.1"));
    RegisteredCase c = register(investigator);
    long evidenceId =
        ((Number) db.single("select id from evidence where case_id = ?", c.id())).longValue();
    investigator.call(() -> evidence.open(evidenceId, Action.DOWNLOAD, "10.1.1.2"));
    User outsider = db.user("out", "mci", "investigator", "supervisor");
    assertThrows(AccessDeniedException.class, () -> outsider.call(() -> cases.openCase(c.id())));
    assertThrows(
        AccessDeniedException.class,
        () -> outsider.call(() -> evidence.open(evidenceId, Action.DOWNLOAD, "10.9.9.9")));

    assertEquals(
        List.of("SIGN_IN", "CASE_REGISTERED", "EVIDENCE_DOWNLOAD"), actionsOf(investigator));
    // The refusals stay recorded although the refused calls rolled back.
    assertEquals(
        List.of(
            List.of("ACCESS_DENIED", "cases", "-"),
            List.of("ACCESS_DENIED", "evidence", String.valueOf(evidenceId))),
        db.rows(
            "select action, subject_type, coalesce(subject_id, '-') from audit_entry"
                + " where actor = ? order by seq",
            outsider.username()));
    assertTrue(verifier.verify("it").intact());
  }

  @Test
  void theDatabaseRefusesToChangeOrDeleteAnEntry() throws Exception {
    investigator.run(
        () -> users.recordSignIn(null, "Test", "t@example.kz", "afm", ",investigator,", null));
    long seq = lastSeqOf(investigator);
    assertThrows(
        SQLException.class,
        () -> db.update("update audit_entry set detail = 'x' where seq = ?", seq));
    assertThrows(SQLException.class, () -> db.update("delete from audit_entry where seq = ?", seq));
  }

  @Test
  void findsAnEditedEntry() throws Exception {
    investigator.run(
        () ->
            users.recordSignIn(null, "Test", "t@example.kz", "afm", ",investigator,", "10.0.0.9"));
    long seq = lastSeqOf(investigator);
    tampering(
        "update audit_entry set client_address = '10.6.6.6' where seq = " + seq,
        "update audit_entry set client_address = '10.0.0.9' where seq = " + seq,
        () -> {
          ChainVerification v = verifier.verify("it");
          assertFalse(v.intact());
          assertEquals(seq, v.brokenAt());
          assertTrue(v.problem().startsWith("changed"), v.problem());
        });
    assertTrue(verifier.verify("it").intact());
  }

  @Test
  void findsADeletedEntry() throws Exception {
    investigator.run(
        () -> users.recordSignIn(null, "Test", "t@example.kz", "afm", ",investigator,", null));
    long seq = lastSeqOf(investigator);
    investigator.run(
        () -> users.recordSignIn(null, "Test", "t@example.kz", "afm", ",investigator,", null));
    tampering(
        "create temporary table kept as select * from audit_entry where seq = "
            + seq
            + "; delete from audit_entry where seq = "
            + seq,
        "insert into audit_entry select * from kept; drop table kept",
        () -> {
          ChainVerification v = verifier.verify("it");
          assertFalse(v.intact());
          assertEquals(seq, v.brokenAt());
          assertTrue(v.problem().startsWith("missing"), v.problem());
        });
    assertTrue(verifier.verify("it").intact());
  }

  @Test
  void findsReorderedEntries() throws Exception {
    investigator.run(
        () -> users.recordSignIn(null, "Test", "t@example.kz", "afm", ",investigator,", null));
    long first = lastSeqOf(investigator);
    investigator.run(
        () -> users.recordSignIn(null, "Test", "t@example.kz", "afm", ",investigator,", null));
    long second = lastSeqOf(investigator);
    String swap =
        "update audit_entry set seq = -1 where seq = %1$d; update audit_entry set seq = %1$d where seq = %2$d;"
            + " update audit_entry set seq = %2$d where seq = -1";
    tampering(
        String.format(swap, first, second),
        String.format(swap, first, second),
        () -> {
          ChainVerification v = verifier.verify("it");
          assertFalse(v.intact());
          assertEquals(Math.min(first, second), v.brokenAt());
        });
    assertTrue(verifier.verify("it").intact());
  }

  @Test
  void concurrentWritersNeverForkTheChain() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Object>> done = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        int n = i;
        done.add(
            pool.submit(
                () ->
                    investigator.call(
                        () -> {
                          audit.recordDenied("test", n, "concurrent writer " + n, null);
                          return null;
                        })));
      }
      for (Future<Object> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(
        40, db.count("select count(*) from audit_entry where actor = ?", investigator.username()));
    assertEquals(
        0,
        db.count(
            "select count(*) from (select prev_hash from audit_entry group by prev_hash having count(*) > 1) forks"));
    assertTrue(verifier.verify("it").intact());
  }

  /** Tampers with the log as an intruder with database access would, and always undoes it. */
  private void tampering(String tamper, String undo, TestAction check) throws Exception {
    db.update("alter table audit_entry disable trigger audit_entry_no_change");
    try {
      script(tamper);
      try {
        check.run();
      } finally {
        script(undo);
      }
    } finally {
      db.update("alter table audit_entry enable trigger audit_entry_no_change");
    }
  }

  private void script(String sql) throws SQLException {
    try (var c = ds.getConnection();
        var st = c.createStatement()) {
      for (String statement : sql.split(";")) {
        st.execute(statement);
      }
    }
  }

  /** A check that may throw. */
  @FunctionalInterface
  interface TestAction {
    void run() throws Exception;
  }

  private List<String> actionsOf(User user) throws SQLException {
    return db
        .rows("select action from audit_entry where actor = ? order by seq", user.username())
        .stream()
        .map(r -> (String) r.get(0))
        .toList();
  }

  private long lastSeqOf(User user) throws SQLException {
    return ((Number) db.single("select max(seq) from audit_entry where actor = ?", user.username()))
        .longValue();
  }

  private RegisteredCase register(User user) throws Exception {
    return user.call(
        () ->
            cases.registerViolation(
                new NewCase(
                    UUID.randomUUID(),
                    List.of(
                        new NewCase.Resource(
                            "https://audit-"
                                + UUID.randomUUID().toString().substring(0, 6)
                                + ".example/",
                            null)),
                    "DISINFORMATION",
                    "Fake announcement of an agreed rally.",
                    Instant.now().minus(1, ChronoUnit.HOURS),
                    List.of(
                        evidence.receive(new ByteArrayInputStream(TestFiles.png(77)), "post.png")),
                    "10.1.1.3")));
  }
}
