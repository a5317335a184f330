package kz.gov.dozor.ejb.evidence.capture;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import kz.gov.dozor.ejb.audit.AuditLog;
import kz.gov.dozor.ejb.cases.CaseOpening;
import kz.gov.dozor.ejb.evidence.EvidenceStore;
import kz.gov.dozor.ejb.evidence.StagedEvidence;
import kz.gov.dozor.persistence.audit.AuditAction;
import kz.gov.dozor.persistence.cases.ViolationCase;
import kz.gov.dozor.persistence.evidence.CaptureRequest;
import kz.gov.dozor.persistence.evidence.Evidence;

/**
 * Works off the capture queue on every node: a timer takes queued requests while fewer than the
 * configured number run over all nodes (counted and claimed under one database lock), runs each on
 * the managed executor, and keeps what it found as the case's evidence in one transaction. A
 * request whose node stopped is queued again; after three tries it fails as interrupted.
 */
@Stateless
@PermitAll
public class CaptureQueue {

  /** The lock key that serialises the count of running captures and the claim. */
  static final long CLAIM_LOCK = 0x636170747572650AL;

  static final int MAX_ATTEMPTS = 3;

  private static final Logger LOG = Logger.getLogger(CaptureQueue.class.getName());

  @PersistenceContext private EntityManager em;
  @Resource private SessionContext ctx;
  @Resource private ManagedExecutorService executor;
  @Inject private Clock clock;
  @Inject private PageBrowser browser;
  @Inject private CaptureSettings settings;
  @Inject private CaptureTargets targets;
  @Inject private EvidenceStore store;
  @Inject private CaseOpening opening;
  @Inject private AuditLog audit;

  /** A request taken to run. */
  public record Claim(long id, long caseId, String url, String requestedBy, String clientAddress) {}

  @Schedule(hour = "*", minute = "*", second = "*/3", persistent = false)
  void tick() {
    if (browser.unavailable() != null) {
      return; // requests wait for a node that has a browser
    }
    CaptureQueue self = ctx.getBusinessObject(CaptureQueue.class);
    self.reclaimStale();
    for (Claim c : self.claim()) {
      executor.execute(() -> self.run(c));
    }
  }

  /** Queues again the captures whose node has stopped (running far longer than any capture may). */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int reclaimStale() {
    Instant limit = clock.instant().minus(settings.timeout()).minusSeconds(120);
    List<CaptureRequest> stale =
        em.createQuery(
                "select r from CaptureRequest r where r.status = :s and r.startedAt < :limit",
                CaptureRequest.class)
            .setParameter("s", CaptureRequest.Status.RUNNING)
            .setParameter("limit", limit)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList();
    for (CaptureRequest r : stale) {
      if (r.getAttempts() >= MAX_ATTEMPTS) {
        r.failed(
            clock.instant(), "interrupted: the server stopped during the capture, three times");
      } else {
        r.requeue();
      }
    }
    return stale.size();
  }

  /** Takes as many queued requests as may run now, oldest first. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<Claim> claim() {
    em.createNativeQuery("select pg_advisory_xact_lock(?1)")
        .setParameter(1, CLAIM_LOCK)
        .getSingleResult();
    long running =
        em.createQuery("select count(r) from CaptureRequest r where r.status = :s", Long.class)
            .setParameter("s", CaptureRequest.Status.RUNNING)
            .getSingleResult();
    int free = settings.concurrency() - (int) running;
    if (free <= 0) {
      return List.of();
    }
    @SuppressWarnings("unchecked")
    List<CaptureRequest> queued =
        em.createNativeQuery(
                "select * from capture_request where status = 'QUEUED' order by id limit ?1"
                    + " for update skip locked",
                CaptureRequest.class)
            .setParameter(1, free)
            .getResultList();
    String node = System.getProperty("jboss.node.name", "node");
    List<Claim> claims = new ArrayList<>();
    for (CaptureRequest r : queued) {
      r.running(clock.instant(), node);
      claims.add(
          new Claim(
              r.getId(), r.getCaseId(), r.getUrl(), r.getRequestedBy(), r.getClientAddress()));
    }
    return claims;
  }

  /** Runs one capture (outside any transaction: it takes seconds) and keeps its outcome. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void run(Claim c) {
    CaptureQueue self = ctx.getBusinessObject(CaptureQueue.class);
    Path work = store.workDirectory();
    try {
      PageCapture page =
          browser.capture(
              URI.create(c.url()), new TargetPolicy(targets.allowed()), settings.timeout(), work);
      self.complete(c, page);
    } catch (CaptureFailedException e) {
      self.fail(c.id(), e.getMessage());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "capture " + c.id() + " failed", e);
      self.fail(c.id(), "the capture failed: " + e.getMessage());
    } finally {
      deleteTree(work);
    }
  }

  /** Keeps what a capture found as the case's evidence: one transaction, all files or none. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void complete(Claim c, PageCapture page) {
    CaptureRequest r = em.find(CaptureRequest.class, c.id(), LockModeType.PESSIMISTIC_WRITE);
    if (r == null || r.getStatus() != CaptureRequest.Status.RUNNING) {
      return; // taken back meanwhile (its node was thought dead): the newer run decides
    }
    ViolationCase vc = em.find(ViolationCase.class, c.caseId());
    if (vc.isSealed()) {
      r.failed(clock.instant(), "the case was closed before the capture finished");
      return;
    }
    String prefix = "capture-" + c.id() + "-";
    List<StagedEvidence> files = new ArrayList<>();
    files.add(
        store.stageGenerated(
            page.screenshot(),
            prefix + "screenshot.png",
            "image/png",
            page.screenshotWidth(),
            page.screenshotHeight()));
    files.add(store.stageGenerated(page.html(), prefix + "page.html", "text/html", null, null));
    if (page.tls() != null && !page.tls().chainPem().isEmpty()) {
      files.add(
          store.stageGenerated(
              write(String.join("", page.tls().chainPem())),
              prefix + "tls-chain.pem",
              "application/x-pem-file",
              null,
              null));
    }
    files.add(
        store.stageGenerated(
            write(record(c, page, files)), prefix + "record.json", "application/json", null, null));
    for (StagedEvidence f : files) {
      store.keep(f);
      Evidence e =
          opening.addEvidence(
              vc,
              new CaseOpening.EvidenceFile(
                  f.fileName(),
                  f.mediaType(),
                  f.sizeBytes(),
                  f.sha256(),
                  f.width(),
                  f.height(),
                  c.requestedBy(),
                  page.finishedAt(),
                  "capture",
                  c.clientAddress()));
      e.fromCapture(c.id());
    }
    r.done(
        clock.instant(),
        page.finalUrl(),
        page.status(),
        page.remoteAddress(),
        page.browserVersion());
    audit.record(
        AuditAction.EVIDENCE_CAPTURED,
        "case",
        c.caseId(),
        c.url()
            + " -> "
            + page.finalUrl()
            + " HTTP "
            + page.status()
            + ", "
            + files.size()
            + " files",
        c.clientAddress());
  }

  /** Records why a capture failed; the investigator may try it again. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void fail(long id, String reason) {
    CaptureRequest r = em.find(CaptureRequest.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (r != null && r.getStatus() == CaptureRequest.Status.RUNNING) {
      r.failed(clock.instant(), reason == null ? "the capture failed" : reason);
    }
  }

  /**
   * The capture's record: the exchange, the browser, the time and the SHA-256 of the files kept
   * with it, so that the record alone ties them together.
   */
  private static String record(Claim c, PageCapture page, List<StagedEvidence> files) {
    java.io.StringWriter out = new java.io.StringWriter();
    try (JsonGenerator g =
        Json.createGeneratorFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
            .createGenerator(out)) {
      g.writeStartObject();
      g.write("capture", c.id());
      g.write("requestedUrl", page.requestedUrl());
      g.writeStartArray("redirects");
      page.redirects().forEach(g::write);
      g.writeEnd();
      g.write("finalUrl", page.finalUrl());
      g.write("status", page.status());
      g.write("statusText", page.statusText());
      g.writeStartObject("headers");
      page.headers().forEach(g::write);
      g.writeEnd();
      writeNullable(g, "remoteAddress", page.remoteAddress());
      if (page.remotePort() != null) {
        g.write("remotePort", page.remotePort());
      }
      writeNullable(g, "protocol", page.protocol());
      if (page.tls() == null) {
        g.writeNull("tls");
      } else {
        g.writeStartObject("tls");
        writeNullable(g, "protocol", page.tls().protocol());
        writeNullable(g, "cipher", page.tls().cipher());
        writeNullable(g, "subject", page.tls().subject());
        writeNullable(g, "issuer", page.tls().issuer());
        writeNullable(
            g,
            "validFrom",
            page.tls().validFrom() == null ? null : page.tls().validFrom().toString());
        writeNullable(
            g, "validTo", page.tls().validTo() == null ? null : page.tls().validTo().toString());
        g.write("chainCertificates", page.tls().chainPem().size());
        g.writeEnd();
      }
      g.write("browser", page.browserVersion());
      g.write("userAgent", page.userAgent());
      g.write("startedAt", page.startedAt().toString());
      g.write("finishedAt", page.finishedAt().toString());
      g.write("requestedBy", c.requestedBy());
      g.writeStartArray("files");
      for (StagedEvidence f : files) {
        g.writeStartObject()
            .write("name", f.fileName())
            .write("mediaType", f.mediaType())
            .write("size", f.sizeBytes())
            .write("sha256", f.sha256())
            .writeEnd();
      }
      g.writeEnd();
      g.writeEnd();
    }
    return out.toString();
  }

  private static void writeNullable(JsonGenerator g, String name, String value) {
    if (value == null) {
      g.writeNull(name);
    } else {
      g.write(name, value);
    }
  }

  private Path write(String text) {
    try {
      Path file = Files.createTempFile(store.root().resolve("staging"), "generated", ".tmp");
      try (OutputStream out = Files.newOutputStream(file)) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.log(Level.FINE, "work files left behind: " + dir, e);
    }
  }
}
