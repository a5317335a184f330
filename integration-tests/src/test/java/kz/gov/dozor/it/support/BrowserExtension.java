package kz.gov.dozor.it.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test the browsers it asks for as parameters (one per person signed in), saves a
 * screenshot of each when the test fails, and closes them afterwards. A test whose browsers saw any
 * Content-Security-Policy violation on the portal's pages fails.
 */
public class BrowserExtension implements ParameterResolver, AfterEachCallback {

  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(BrowserExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
    return p.getParameter().getType() == Browser.class;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Object resolveParameter(ParameterContext p, ExtensionContext c) {
    List<Browser> browsers =
        c.getStore(NS).getOrComputeIfAbsent("browsers", k -> new ArrayList<Browser>(), List.class);
    Browser b = new Browser();
    browsers.add(b);
    return b;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void afterEach(ExtensionContext c) {
    List<Browser> browsers = c.getStore(NS).get("browsers", List.class);
    if (browsers == null) {
      return;
    }
    List<String> violations = new ArrayList<>();
    for (int i = 0; i < browsers.size(); i++) {
      Browser b = browsers.get(i);
      try {
        try {
          violations.addAll(b.cspViolations());
        } catch (RuntimeException unreadable) {
          violations.add("the browser's console could not be read: " + unreadable);
        }
        if (c.getExecutionException().isPresent()) {
          Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
          b.screenshot(
              dir.resolve(
                  c.getRequiredTestClass().getSimpleName()
                      + "-"
                      + c.getRequiredTestMethod().getName()
                      + "-"
                      + i
                      + ".png"));
        }
      } finally {
        b.close();
      }
    }
    if (!violations.isEmpty()) {
      throw new AssertionError(
          "Content-Security-Policy violations on the portal's pages:\n"
              + String.join("\n", violations));
    }
  }
}
