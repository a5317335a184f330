package kz.gov.dozor.persistence.evidence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A request to capture a web page for a case, from the queue to its result. */
@Entity
@Table(name = "capture_request")
public class CaptureRequest {

  /** Where a request stands. */
  public enum Status {
    QUEUED,
    RUNNING,
    DONE,
    FAILED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_id", nullable = false, updatable = false)
  private long caseId;

  @Column(nullable = false, updatable = false)
  private String url;

  @Column(name = "requested_by", nullable = false, updatable = false)
  private String requestedBy;

  @Column(name = "requested_at", nullable = false, updatable = false)
  private Instant requestedAt;

  @Column(name = "client_address", updatable = false)
  private String clientAddress;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "started_at")
  private Instant startedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  private String node;

  private String failure;

  @Column(name = "final_url")
  private String finalUrl;

  @Column(name = "http_status")
  private Integer httpStatus;

  @Column(name = "remote_address")
  private String remoteAddress;

  @Column(name = "browser_version")
  private String browserVersion;

  protected CaptureRequest() {}

  public CaptureRequest(
      long caseId, String url, String requestedBy, Instant requestedAt, String clientAddress) {
    this.caseId = caseId;
    this.url = url;
    this.requestedBy = requestedBy;
    this.requestedAt = requestedAt;
    this.clientAddress = clientAddress;
    this.status = Status.QUEUED;
  }

  /** Taken by {@code node} to run now. */
  public void running(Instant at, String node) {
    this.status = Status.RUNNING;
    this.startedAt = at;
    this.node = node;
    this.attempts++;
  }

  /** Queued again (asked to retry, or its node died). */
  public void requeue() {
    this.status = Status.QUEUED;
    this.node = null;
    this.failure = null;
    this.startedAt = null;
    this.finishedAt = null;
  }

  public void done(
      Instant at, String finalUrl, int httpStatus, String remoteAddress, String browserVersion) {
    this.status = Status.DONE;
    this.finishedAt = at;
    this.finalUrl = finalUrl;
    this.httpStatus = httpStatus;
    this.remoteAddress = remoteAddress;
    this.browserVersion = browserVersion;
    this.failure = null;
  }

  public void failed(Instant at, String reason) {
    this.status = Status.FAILED;
    this.finishedAt = at;
    this.failure = reason;
  }

  public Long getId() {
    return id;
  }

  public long getCaseId() {
    return caseId;
  }

  public String getUrl() {
    return url;
  }

  public String getRequestedBy() {
    return requestedBy;
  }

  public Instant getRequestedAt() {
    return requestedAt;
  }

  public String getClientAddress() {
    return clientAddress;
  }

  public Status getStatus() {
    return status;
  }

  public int getAttempts() {
    return attempts;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getFinishedAt() {
    return finishedAt;
  }

  public String getNode() {
    return node;
  }

  public String getFailure() {
    return failure;
  }

  public String getFinalUrl() {
    return finalUrl;
  }

  public Integer getHttpStatus() {
    return httpStatus;
  }

  public String getRemoteAddress() {
    return remoteAddress;
  }

  public String getBrowserVersion() {
    return browserVersion;
  }
}
