package kz.gov.dozor.web.platform;

import jakarta.ejb.EJBAccessException;
import jakarta.faces.FacesException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Iterator;
import java.util.logging.Logger;
import kz.gov.dozor.ejb.platform.AccessDeniedException;
import kz.gov.dozor.ejb.platform.NotFoundException;

/**
 * Turns "not yours" into the 403 page and "no such thing" into the 404 page, whatever page or
 * action ran into it. Anything else goes on to the 500 page, never as a stack trace.
 */
public class DozorExceptionHandlerFactory extends ExceptionHandlerFactory {

  public DozorExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ExceptionHandler getExceptionHandler() {
    return new Handler(getWrapped().getExceptionHandler());
  }

  static final class Handler extends ExceptionHandlerWrapper {

    private static final Logger LOG = Logger.getLogger(Handler.class.getName());

    Handler(ExceptionHandler wrapped) {
      super(wrapped);
    }

    @Override
    public void handle() {
      FacesContext fc = FacesContext.getCurrentInstance();
      Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
      while (events.hasNext()) {
        Throwable t = events.next().getContext().getException();
        int status = statusFor(t);
        if (status != 0) {
          events.remove();
          LOG.info(() -> "refused with " + status + ": " + rootMessage(t));
          if (deniedByService(t)) {
            // The service has audited this refusal already.
            fc.getExternalContext().getRequestMap().put(RefusalAuditFilter.AUDITED, Boolean.TRUE);
          }
          try {
            if (!fc.getExternalContext().isResponseCommitted()) {
              fc.getExternalContext().responseSendError(status, null);
            }
          } catch (IOException e) {
            throw new FacesException(e);
          }
          fc.responseComplete();
          return;
        }
      }
      getWrapped().handle();
    }

    static int statusFor(Throwable t) {
      for (Throwable c = t; c != null; c = c.getCause()) {
        if (c instanceof AccessDeniedException || c instanceof EJBAccessException) {
          return HttpServletResponse.SC_FORBIDDEN;
        }
        if (c instanceof NotFoundException) {
          return HttpServletResponse.SC_NOT_FOUND;
        }
      }
      return 0;
    }

    static boolean deniedByService(Throwable t) {
      for (Throwable c = t; c != null; c = c.getCause()) {
        if (c instanceof AccessDeniedException) {
          return true;
        }
      }
      return false;
    }

    private static String rootMessage(Throwable t) {
      Throwable c = t;
      while (c.getCause() != null) {
        c = c.getCause();
      }
      return c.toString();
    }
  }
}
