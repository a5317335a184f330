package kz.gov.dozor.ejb.evidence.capture;

import java.io.Serializable;
import java.time.Instant;
import kz.gov.dozor.persistence.evidence.CaptureRequest.Status;

/**
 * A capture of a case as its page shows it: what was asked, by whom, where it stands ({@code
 * waitingBefore}: how many queued requests come first), what it found or why it failed.
 */
public record CaptureView(
    long id,
    String url,
    String requestedByName,
    Instant requestedAt,
    Status status,
    long waitingBefore,
    int attempts,
    Instant startedAt,
    Instant finishedAt,
    String failure,
    String finalUrl,
    Integer httpStatus,
    String remoteAddress,
    String browserVersion,
    long files)
    implements Serializable {

  public boolean isActive() {
    return status == Status.QUEUED || status == Status.RUNNING;
  }
}
