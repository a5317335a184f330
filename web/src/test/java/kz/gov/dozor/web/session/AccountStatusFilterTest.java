package kz.gov.dozor.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a browser is told that its session has ended, by the kind of request it made. */
class AccountStatusFilterTest {

  @Test
  void aPageGoesToThePortalsRootAndFromThereToTheSignIn() throws Exception {
    Answer a = answer(Map.of("Sec-Fetch-Dest", "document"), "/dozor/cases/list.xhtml");
    assertThat(a.redirect).isEqualTo("/dozor/");
    assertThat(a.headers).containsEntry("Cache-Control", "no-store");

    assertThat(answer(Map.of(), "/dozor/cases/list.xhtml").redirect).isEqualTo("/dozor/");
  }

  @Test
  void anAjaxRequestIsToldToGoThere() throws Exception {
    Answer a =
        answer(
            Map.of("Faces-Request", "partial/ajax", "Sec-Fetch-Dest", "empty"),
            "/dozor/users/view.xhtml");
    assertThat(a.redirect).isNull();
    assertThat(a.body.toString()).contains("<redirect url=\"/dozor/\">");
  }

  @Test
  void aFileAPageAsksForGetsNoSignInPage() throws Exception {
    // A redirect would lead an <img> to Keycloak, which the page's policy refuses.
    Answer a = answer(Map.of("Sec-Fetch-Dest", "image"), "/dozor/evidence/5/thumbnail");
    assertThat(a.redirect).isNull();
    assertThat(a.error).isEqualTo(401);
  }

  @Test
  void thePagesScriptsAndStylesAreNotChecked() {
    assertThat(
            AccountStatusFilter.isResource(
                request(Map.of(), "/dozor/jakarta.faces.resource/core.js.xhtml")))
        .isTrue();
    assertThat(AccountStatusFilter.isResource(request(Map.of(), "/dozor/evidence/5"))).isFalse();
  }

  /** What the filter answered. */
  static final class Answer {
    String redirect;
    Integer error;
    final Map<String, String> headers = new HashMap<>();
    final StringWriter body = new StringWriter();
  }

  private static Answer answer(Map<String, String> headers, String uri) throws Exception {
    Answer a = new Answer();
    HttpServletResponse res =
        (HttpServletResponse)
            Proxy.newProxyInstance(
                HttpServletResponse.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) -> {
                  switch (method.getName()) {
                    case "sendRedirect" -> a.redirect = (String) args[0];
                    case "sendError" -> a.error = (Integer) args[0];
                    case "setHeader" -> a.headers.put((String) args[0], (String) args[1]);
                    case "getWriter" -> {
                      return new PrintWriter(a.body, true);
                    }
                    default -> {}
                  }
                  return null;
                });
    AccountStatusFilter.sendToSignIn(request(headers, uri), res);
    return a;
  }

  private static HttpServletRequest request(Map<String, String> headers, String uri) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            HttpServletRequest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getHeader" -> headers.get((String) args[0]);
                  case "getContextPath" -> "/dozor";
                  case "getRequestURI" -> uri;
                  default -> null;
                });
  }
}
