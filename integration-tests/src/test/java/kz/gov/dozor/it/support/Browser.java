package kz.gov.dozor.it.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A fresh headless Chromium (Debian's, with its own profile, so its own session) pointed at the
 * portal under test.
 */
public final class Browser implements AutoCloseable {

  public static final String BASE_URL =
      System.getProperty("dozor.base.url", "http://localhost:8090/dozor/");

  private final Path profile;
  private final ChromeDriver driver;

  public Browser() {
    try {
      profile = Files.createTempDirectory("dozor-chromium");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,1000",
        "--lang=en-US",
        "--user-data-dir=" + profile);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
    // The browser's console (CSP violations among it) is kept for cspViolations().
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    // Every document reports each Content-Security-Policy violation it sees to the console.
    driver.executeCdpCommand(
        "Page.addScriptToEvaluateOnNewDocument", Map.of("source", REPORT_CSP_VIOLATIONS));
  }

  private static final String CSP_MARK = "DOZOR-CSP-VIOLATION";

  private static final String REPORT_CSP_VIOLATIONS =
      "document.addEventListener('securitypolicyviolation', function (e) {"
          + " console.error('"
          + CSP_MARK
          + " ' + e.documentURI + ' ' + e.effectiveDirective + ' blocked=' + e.blockedURI"
          + " + ' at ' + e.sourceFile + ':' + e.lineNumber + ' sample=' + e.sample); });";

  private final List<String> cspViolations = new java.util.ArrayList<>();

  /**
   * The Content-Security-Policy violations the portal's pages have shown so far (reported by the
   * pages' listener or by the browser itself); other sites' pages (Keycloak's) are not counted.
   */
  public List<String> cspViolations() {
    String portal = java.net.URI.create(BASE_URL).getAuthority();
    for (org.openqa.selenium.logging.LogEntry e :
        driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER)) {
      String m = e.getMessage();
      boolean violation = m.contains(CSP_MARK) || m.contains("Content Security Policy");
      if (violation && m.contains(portal)) {
        cspViolations.add(m);
      }
    }
    return List.copyOf(cspViolations);
  }

  public WebDriver driver() {
    return driver;
  }

  public void open(String path) {
    driver.get(path.startsWith("http") ? path : BASE_URL + path);
  }

  public WebElement find(By by) {
    return waitFor().until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  public List<WebElement> all(By by) {
    return driver.findElements(by);
  }

  public boolean present(By by) {
    return !driver.findElements(by).isEmpty();
  }

  /**
   * The element has left the document (the page was replaced). ChromeDriver sometimes reports that
   * as an "unknown error" (the node "does not belong to the document") instead of a stale
   * reference; both mean the same here.
   */
  public static ExpectedCondition<Boolean> stale(WebElement element) {
    return d -> {
      try {
        element.isEnabled();
        return false;
      } catch (StaleElementReferenceException e) {
        return true;
      } catch (WebDriverException e) {
        if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
          return true;
        }
        throw e;
      }
    };
  }

  /** Waits up to 30 s; an element replaced by a re-render meanwhile is looked up again. */
  public WebDriverWait waitFor() {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  /**
   * Clicks a button of a dialog until the dialog is gone. A dialog opens with an animation and a
   * click that lands before it ends may be lost on a busy machine: it is then given again.
   */
  public void clickUntilGone(By button, By dialog) {
    for (int attempt = 1; ; attempt++) {
      waitFor().until(ExpectedConditions.elementToBeClickable(button)).click();
      try {
        new WebDriverWait(driver, Duration.ofSeconds(5))
            .until(ExpectedConditions.invisibilityOfElementLocated(dialog));
        return;
      } catch (org.openqa.selenium.TimeoutException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  /** Waits until no PrimeFaces or jQuery request is under way (uploads included). */
  public void idle() {
    waitFor()
        .until(
            d ->
                Boolean.TRUE.equals(
                    ((JavascriptExecutor) d)
                        .executeScript(
                            "return document.readyState === 'complete'"
                                + " && (!window.jQuery || jQuery.active === 0)"
                                + " && (!window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty());")));
  }

  public String url() {
    return driver.getCurrentUrl();
  }

  public String pageText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /** Fetches a URL from inside the page, with the page's session: status and headers. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> fetch(String url) {
    return (Map<String, Object>)
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0], {redirect: 'manual', credentials: 'same-origin'})"
                    + ".then(r => done({status: r.status,"
                    + " type: r.headers.get('content-type'),"
                    + " nosniff: r.headers.get('x-content-type-options'),"
                    + " disposition: r.headers.get('content-disposition'),"
                    + " sha: r.headers.get('x-evidence-sha256'),"
                    + " csp: r.headers.get('content-security-policy')}))"
                    + ".catch(e => done({error: String(e)}));",
                url);
  }

  /**
   * Downloads a URL from inside the page, with the page's session: status, type, disposition and
   * the body, base64-encoded.
   */
  @SuppressWarnings("unchecked")
  public Map<String, Object> download(String url) {
    return (Map<String, Object>)
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0], {redirect: 'manual', credentials: 'same-origin'})"
                    + ".then(r => r.arrayBuffer().then(b => {"
                    + " let s = ''; const a = new Uint8Array(b);"
                    + " for (let i = 0; i < a.length; i++) { s += String.fromCharCode(a[i]); }"
                    + " done({status: r.status, type: r.headers.get('content-type'),"
                    + " disposition: r.headers.get('content-disposition'), body: btoa(s)}); }))"
                    + ".catch(e => done({error: String(e)}));",
                url);
  }

  public Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  public void screenshot(Path file) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temporary profile; the OS cleans up what is left
    }
  }
}
