package kz.gov.dozor.web.platform;

import jakarta.ejb.EJBAccessException;
import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.logging.Logger;
import kz.gov.dozor.ejb.platform.AccessDeniedException;
import kz.gov.dozor.ejb.platform.NotFoundException;

/**
 * What a user sees, and what the log keeps, when a page or an action (Ajax or not) runs into an
 * exception:
 *
 * <ul>
 *   <li>"not yours" is the 403 page and "no such thing" the 404 page, logged as one line;
 *   <li>a page kept open too long (its view expired) leads to a page that says so and offers to
 *       open it again, logged as one line;
 *   <li>anything else is an incident: one log entry with its id and stack trace, and the user sees
 *       a translated message with the id, never an exception's name.
 * </ul>
 */
public class DozorExceptionHandlerFactory extends ExceptionHandlerFactory {

  public DozorExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ExceptionHandler getExceptionHandler() {
    return new Handler(getWrapped().getExceptionHandler());
  }

  /** The page that explains an expired view; it is addressable so that Ajax can go there. */
  static final String EXPIRED_PAGE = "/errors/expired.xhtml";

  /** The page that shows an incident's id after an Ajax request. */
  static final String INCIDENT_PAGE = "/errors/incident.xhtml";

  static final class Handler extends ExceptionHandlerWrapper {

    private static final Logger LOG = Logger.getLogger(Handler.class.getName());

    Handler(ExceptionHandler wrapped) {
      super(wrapped);
    }

    @Override
    public void handle() {
      FacesContext fc = FacesContext.getCurrentInstance();
      Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
      boolean done = false;
      while (events.hasNext()) {
        Throwable t = events.next().getContext().getException();
        events.remove();
        if (done) {
          // One answer per request; a follow-up error of the same request is the same incident.
          continue;
        }
        done = true;
        try {
          answer(fc, t);
        } catch (IOException e) {
          throw new FacesException(e);
        }
      }
      getWrapped().handle();
    }

    private void answer(FacesContext fc, Throwable t) throws IOException {
      ExternalContext ec = fc.getExternalContext();
      String where = ec.getRequestServletPath();
      int status = statusFor(t);
      if (status != 0) {
        LOG.info(() -> "refused with " + status + " at " + where + ": " + rootMessage(t));
        if (deniedByService(t)) {
          // The service has audited this refusal already.
          ec.getRequestMap().put(RefusalAuditFilter.AUDITED, Boolean.TRUE);
        }
        if (!ec.isResponseCommitted()) {
          ec.responseSendError(status, null);
        }
        fc.responseComplete();
        return;
      }
      if (expired(t)) {
        LOG.info(() -> "view expired at " + where);
        String back =
            returnPath(ec.getRequestContextPath(), ec.getRequestHeaderMap().get("Referer"));
        if (!ec.isResponseCommitted()) {
          redirect(
              fc,
              ec.getRequestContextPath()
                  + EXPIRED_PAGE
                  + (back == null
                      ? ""
                      : "?page=" + URLEncoder.encode(back, StandardCharsets.UTF_8)));
        }
        fc.responseComplete();
        return;
      }
      String incident = Incidents.record(t, where);
      ec.getRequestMap().put(Incidents.ATTRIBUTE, incident);
      if (!ec.isResponseCommitted()) {
        if (fc.getPartialViewContext().isAjaxRequest()) {
          redirect(fc, ec.getRequestContextPath() + INCIDENT_PAGE + "?id=" + incident);
        } else {
          ec.responseSendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, null);
        }
      }
      fc.responseComplete();
    }

    /**
     * Sends the browser elsewhere. An Ajax request may have been half rendered when it failed, so
     * its partial response is started afresh with nothing but the redirect.
     */
    private static void redirect(FacesContext fc, String url) throws IOException {
      ExternalContext ec = fc.getExternalContext();
      if (!fc.getPartialViewContext().isAjaxRequest()) {
        ec.redirect(url);
        return;
      }
      ec.responseReset();
      ec.setResponseContentType("text/xml");
      ec.setResponseCharacterEncoding("UTF-8");
      ec.addResponseHeader("Cache-Control", "no-cache, no-store");
      ec.getResponseOutputWriter()
          .write(
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                  + xmlAttribute(ec.encodeRedirectURL(url, java.util.Map.of()))
                  + "\"></redirect></partial-response>");
    }

    static String xmlAttribute(String text) {
      return text.replace("&", "&amp;")
          .replace("<", "&lt;")
          .replace(">", "&gt;")
          .replace("\"", "&quot;");
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

    static boolean expired(Throwable t) {
      for (Throwable c = t; c != null; c = c.getCause()) {
        if (c instanceof ViewExpiredException) {
          return true;
        }
      }
      return false;
    }

    static boolean deniedByService(Throwable t) {
      for (Throwable c = t; c != null; c = c.getCause()) {
        if (c instanceof AccessDeniedException) {
          return true;
        }
      }
      return false;
    }

    /**
     * The page to open again after an expired view: the referring page of this portal (path and
     * query, below the context path), or null when there is none or it points elsewhere.
     */
    static String returnPath(String contextPath, String referer) {
      if (referer == null || referer.isBlank()) {
        return null;
      }
      URI uri;
      try {
        uri = new URI(referer);
      } catch (URISyntaxException e) {
        return null;
      }
      String path = uri.getRawPath();
      if (path == null || !path.startsWith(contextPath + "/") || path.contains("//")) {
        return null;
      }
      String inside = path.substring(contextPath.length());
      if (inside.startsWith("/errors/")) {
        return null;
      }
      return uri.getRawQuery() == null ? inside : inside + "?" + uri.getRawQuery();
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
