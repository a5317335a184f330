package kz.gov.dozor.web.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJBAccessException;
import jakarta.el.ELException;
import jakarta.faces.FacesException;
import kz.gov.dozor.ejb.cases.CaseNotFoundException;
import kz.gov.dozor.ejb.platform.AccessDeniedException;
import org.junit.jupiter.api.Test;

class ExceptionStatusTest {

  @Test
  void notYoursIs403WhereverItIsWrapped() {
    var denied = new AccessDeniedException("access.otherOrganisation");
    assertThat(
            DozorExceptionHandlerFactory.Handler.statusFor(
                new FacesException(new ELException(denied))))
        .isEqualTo(403);
    assertThat(DozorExceptionHandlerFactory.Handler.statusFor(new EJBAccessException("no")))
        .isEqualTo(403);
  }

  @Test
  void noSuchThingIs404AndAnythingElseIsLeftAlone() {
    assertThat(
            DozorExceptionHandlerFactory.Handler.statusFor(
                new FacesException(new CaseNotFoundException(7))))
        .isEqualTo(404);
    assertThat(DozorExceptionHandlerFactory.Handler.statusFor(new IllegalStateException()))
        .isZero();
  }
}
