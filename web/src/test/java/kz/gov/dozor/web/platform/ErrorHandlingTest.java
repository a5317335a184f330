package kz.gov.dozor.web.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class ErrorHandlingTest {

  @Test
  void anIncidentIsOneLogEntryWithItsIdAndTheStackTrace() {
    List<LogRecord> records = new ArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            records.add(r);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Incidents.LOG.addHandler(capture);
    try {
      var error = new FacesException(new IllegalStateException("boom"));
      String id = Incidents.record(error, "/cases/list.xhtml");

      assertThat(Incidents.isId(id)).isTrue();
      assertThat(records).hasSize(1);
      LogRecord entry = records.get(0);
      assertThat(entry.getLevel()).isEqualTo(Level.SEVERE);
      assertThat(entry.getMessage()).contains(id).contains("/cases/list.xhtml");
      assertThat(entry.getThrown()).isSameAs(error);
    } finally {
      Incidents.LOG.removeHandler(capture);
    }
  }

  @Test
  void incidentIdsAreShortDistinctAndNothingElsePassesForOne() {
    String a = Incidents.newId();
    String b = Incidents.newId();
    assertThat(a).matches("DZ-[0-9A-Z]{10}").isNotEqualTo(b);
    assertThat(Incidents.isId("DZ-<script>xx")).isFalse();
    assertThat(Incidents.isId(null)).isFalse();
    assertThat(Incidents.isId("dz-0123456789")).isFalse();
  }

  @Test
  void anExpiredViewIsToldApartFromOtherErrors() {
    var expired = new FacesException(new ViewExpiredException("gone", "/cases/list.xhtml"));
    assertThat(DozorExceptionHandlerFactory.Handler.expired(expired)).isTrue();
    assertThat(DozorExceptionHandlerFactory.Handler.statusFor(expired)).isZero();
    assertThat(DozorExceptionHandlerFactory.Handler.expired(new IllegalStateException())).isFalse();
  }

  @Test
  void afterAnExpiredViewOnlyThePortalsOwnPagesAreOfferedAgain() {
    assertThat(
            DozorExceptionHandlerFactory.Handler.returnPath(
                "/dozor", "http://localhost:8080/dozor/cases/view.xhtml?id=5"))
        .isEqualTo("/cases/view.xhtml?id=5");
    assertThat(DozorExceptionHandlerFactory.Handler.returnPath("/dozor", "http://evil/other/x"))
        .isNull();
    assertThat(DozorExceptionHandlerFactory.Handler.returnPath("/dozor", null)).isNull();
    assertThat(DozorExceptionHandlerFactory.Handler.returnPath("/dozor", "::not a uri")).isNull();
    assertThat(
            DozorExceptionHandlerFactory.Handler.returnPath(
                "/dozor", "http://localhost/dozor/errors/expired.xhtml"))
        .isNull();

    assertThat(ErrorPageBacking.safePage("/cases/view.xhtml?id=5"))
        .isEqualTo("/cases/view.xhtml?id=5");
    assertThat(ErrorPageBacking.safePage("//evil.example/")).isEqualTo("/");
    assertThat(ErrorPageBacking.safePage("https://evil.example/")).isEqualTo("/");
    assertThat(ErrorPageBacking.safePage("/\\evil")).isEqualTo("/");
    assertThat(ErrorPageBacking.safePage(null)).isEqualTo("/");
  }
}
