package kz.gov.dozor.ejb.evidence.capture;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Captures pages with headless Chromium (Debian's package), one fresh browser and profile per
 * capture, driven over the DevTools protocol: every request is paused and checked against the
 * {@link TargetPolicy} before it goes out (so a redirect or resource into the portal's networks is
 * refused), the main document's response is recorded, and the whole page is screenshot.
 */
public final class ChromiumBrowser implements PageBrowser {

  private static final Logger LOG = Logger.getLogger(ChromiumBrowser.class.getName());

  /** The viewport: a common desktop size; the screenshot is of the whole page, however long. */
  static final int WIDTH = 1280;

  static final int HEIGHT = 800;

  /** Chromium's largest texture: longer pages are cut there (the HTML is whole). */
  static final int MAX_HEIGHT = 16_000;

  private static final Duration STEP = Duration.ofSeconds(20);

  private final Path executable;

  public ChromiumBrowser(Path executable) {
    this.executable = executable;
  }

  @Override
  public String unavailable() {
    if (!Files.isExecutable(executable)) {
      return "no browser at " + executable + " (install Debian's chromium or set DOZOR_CHROMIUM)";
    }
    return null;
  }

  @Override
  public PageCapture capture(URI url, TargetPolicy policy, Duration timeout, Path workDir)
      throws CaptureFailedException {
    String missing = unavailable();
    if (missing != null) {
      throw new CaptureFailedException(missing);
    }
    policy.check(url);
    Path profile;
    try {
      profile = Files.createTempDirectory(workDir, "profile");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Process chromium = null;
    try {
      chromium = start(profile);
      URI devtools = devToolsAddress(profile, chromium);
      Page page = new Page(policy);
      try (DevTools cdp = DevTools.connect(devtools, page::event, STEP)) {
        page.cdp = cdp;
        return page.capture(url, timeout, workDir);
      }
    } finally {
      if (chromium != null) {
        chromium.descendants().forEach(ProcessHandle::destroyForcibly);
        chromium.destroyForcibly();
        try {
          chromium.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      deleteTree(profile);
    }
  }

  private Process start(Path profile) throws CaptureFailedException {
    List<String> command =
        List.of(
            executable.toString(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
            "--mute-audio",
            // Unlawful sites often have invalid certificates: the page is still evidence, and the
            // chain it presented is recorded as it was.
            "--ignore-certificate-errors",
            "--remote-debugging-address=127.0.0.1",
            "--remote-debugging-port=0",
            "--user-data-dir=" + profile,
            "--window-size=" + WIDTH + "," + HEIGHT,
            "about:blank");
    try {
      return new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(profile.resolve("chromium.log").toFile())
          .start();
    } catch (IOException e) {
      throw new CaptureFailedException("the browser does not start: " + e.getMessage(), e);
    }
  }

  /** The browser's DevTools address, from the file it writes into its profile when it listens. */
  private static URI devToolsAddress(Path profile, Process chromium) throws CaptureFailedException {
    Path active = profile.resolve("DevToolsActivePort");
    long until = System.nanoTime() + STEP.toNanos();
    while (System.nanoTime() < until) {
      try {
        if (Files.exists(active)) {
          List<String> lines = Files.readAllLines(active, StandardCharsets.UTF_8);
          if (lines.size() >= 2) {
            return URI.create("ws://127.0.0.1:" + lines.get(0).strip() + lines.get(1).strip());
          }
        }
        if (!chromium.isAlive()) {
          throw new CaptureFailedException(
              "the browser stopped at start (exit " + chromium.exitValue() + ")");
        }
        Thread.sleep(50);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CaptureFailedException("interrupted", e);
      }
    }
    throw new CaptureFailedException("the browser did not start within " + STEP.toSeconds() + " s");
  }

  private static void deleteTree(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.log(Level.FINE, "profile left behind: " + dir, e);
    }
  }

  /** One page's capture: the events it follows and the steps it takes. */
  private static final class Page {
    private final TargetPolicy policy;
    private DevTools cdp;
    private volatile String session;
    private volatile String mainFrame;
    private volatile String blocked;
    private volatile String failed;
    private volatile JsonObject response;
    private final List<String> redirects = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch loaded = new CountDownLatch(1);

    Page(TargetPolicy policy) {
      this.policy = policy;
    }

    void event(JsonObject m) {
      String method = m.getString("method");
      JsonObject p = m.getJsonObject("params");
      switch (method) {
        case "Fetch.requestPaused" -> paused(p);
        case "Network.requestWillBeSent" -> {
          if (p.containsKey("redirectResponse")
              && "Document".equals(p.getString("type", ""))
              && p.getString("frameId", "").equals(mainFrame)) {
            redirects.add(p.getJsonObject("redirectResponse").getString("url", ""));
          }
        }
        case "Network.responseReceived" -> {
          if ("Document".equals(p.getString("type", ""))
              && p.getString("frameId", "").equals(mainFrame)) {
            response = p.getJsonObject("response");
          }
        }
        case "Network.loadingFailed" -> {
          if ("Document".equals(p.getString("type", "")) && failed == null) {
            failed = p.getString("errorText", "failed");
          }
        }
        case "Page.loadEventFired" -> loaded.countDown();
        default -> {
          // not followed
        }
      }
    }

    /** Every request waits here until the policy has checked where it goes. */
    private void paused(JsonObject p) {
      String id = p.getString("requestId");
      String target = p.getJsonObject("request").getString("url", "");
      try {
        URI uri = URI.create(target);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        if (!scheme.equals("data") && !scheme.equals("blob")) {
          policy.check(uri);
        }
        cdp.send(session, "Fetch.continueRequest", Json.createObjectBuilder().add("requestId", id));
      } catch (CaptureFailedException | IllegalArgumentException e) {
        if ("Document".equals(p.getString("resourceType", ""))
            && p.getString("frameId", "").equals(mainFrame)
            && blocked == null) {
          blocked = e.getMessage() + " (" + target + ")";
        }
        cdp.send(
            session,
            "Fetch.failRequest",
            Json.createObjectBuilder().add("requestId", id).add("errorReason", "BlockedByClient"));
      }
    }

    PageCapture capture(URI url, Duration timeout, Path workDir) throws CaptureFailedException {
      Instant started = Instant.now();
      JsonObject version = cdp.call(null, "Browser.getVersion", null, STEP);
      String target =
          cdp.call(
                  null,
                  "Target.createTarget",
                  Json.createObjectBuilder().add("url", "about:blank"),
                  STEP)
              .getString("targetId");
      session =
          cdp.call(
                  null,
                  "Target.attachToTarget",
                  Json.createObjectBuilder().add("targetId", target).add("flatten", true),
                  STEP)
              .getString("sessionId");
      mainFrame = target; // a page's main frame has its target's id
      cdp.call(session, "Page.enable", null, STEP);
      cdp.call(session, "Network.enable", null, STEP);
      cdp.call(
          session,
          "Emulation.setDeviceMetricsOverride",
          Json.createObjectBuilder()
              .add("width", WIDTH)
              .add("height", HEIGHT)
              .add("deviceScaleFactor", 1)
              .add("mobile", false),
          STEP);
      cdp.call(
          session,
          "Fetch.enable",
          Json.createObjectBuilder()
              .add(
                  "patterns",
                  Json.createArrayBuilder()
                      .add(
                          Json.createObjectBuilder()
                              .add("urlPattern", "*")
                              .add("requestStage", "Request"))),
          STEP);
      // One deadline for the whole load: the answer to the navigation, then the load event.
      long deadline = System.nanoTime() + timeout.toNanos();
      String tooSlow = "the page did not load within " + timeout.toSeconds() + " s";
      JsonObject navigated;
      try {
        navigated =
            cdp.send(
                    session, "Page.navigate", Json.createObjectBuilder().add("url", url.toString()))
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        throw new CaptureFailedException(tooSlow, e);
      } catch (java.util.concurrent.ExecutionException e) {
        throw new CaptureFailedException("the page did not load: " + e.getCause().getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CaptureFailedException("interrupted", e);
      }
      if (blocked != null) {
        throw new CaptureFailedException("refused: " + blocked);
      }
      if (navigated.containsKey("errorText")) {
        throw new CaptureFailedException(
            "the page did not load: " + navigated.getString("errorText"));
      }
      try {
        if (!loaded.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
          throw new CaptureFailedException(tooSlow);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CaptureFailedException("interrupted", e);
      }
      if (blocked != null) {
        throw new CaptureFailedException("refused: " + blocked);
      }
      JsonObject r = response;
      if (r == null) {
        throw new CaptureFailedException(
            "the page did not load" + (failed == null ? "" : ": " + failed));
      }
      URI finalUrl = URI.create(r.getString("url", url.toString()));
      // The address the page really came from, in case its name resolved otherwise for the browser.
      policy.checkAddress(finalUrl.getHost(), r.getString("remoteIPAddress", null));
      PageCapture.Tls tls = tls(r, finalUrl);

      JsonObject metrics = cdp.call(session, "Page.getLayoutMetrics", null, STEP);
      JsonObject size =
          metrics.containsKey("cssContentSize")
              ? metrics.getJsonObject("cssContentSize")
              : metrics.getJsonObject("contentSize");
      int width =
          Math.max(
              WIDTH, Math.min(4096, (int) Math.ceil(size.getJsonNumber("width").doubleValue())));
      int height =
          Math.max(
              1, Math.min(MAX_HEIGHT, (int) Math.ceil(size.getJsonNumber("height").doubleValue())));
      JsonObject shot =
          cdp.call(
              session,
              "Page.captureScreenshot",
              Json.createObjectBuilder()
                  .add("format", "png")
                  .add("captureBeyondViewport", true)
                  .add(
                      "clip",
                      Json.createObjectBuilder()
                          .add("x", 0)
                          .add("y", 0)
                          .add("width", width)
                          .add("height", height)
                          .add("scale", 1)),
              STEP.plus(STEP));
      JsonObject html =
          cdp.call(
              session,
              "Runtime.evaluate",
              Json.createObjectBuilder()
                  .add("expression", "new XMLSerializer().serializeToString(document)")
                  .add("returnByValue", true),
              STEP);
      try {
        Path png = Files.createTempFile(workDir, "screenshot", ".png");
        Files.write(png, Base64.getDecoder().decode(shot.getString("data")));
        Path page = Files.createTempFile(workDir, "page", ".html");
        Files.writeString(
            page, html.getJsonObject("result").getString("value", ""), StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        JsonObject h = r.getJsonObject("headers");
        if (h != null) {
          h.forEach(
              (k, v) -> headers.put(k, v instanceof JsonString s ? s.getString() : v.toString()));
        }
        return new PageCapture(
            url.toString(),
            List.copyOf(redirects),
            finalUrl.toString(),
            r.getInt("status", 0),
            r.getString("statusText", ""),
            headers,
            r.getString("remoteIPAddress", null),
            r.containsKey("remotePort") ? r.getInt("remotePort") : null,
            r.getString("protocol", null),
            tls,
            version.getString("product", ""),
            version.getString("userAgent", ""),
            started,
            Instant.now(),
            png,
            width,
            height,
            page);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The TLS connection and the server's certificate chain (https only). */
    private PageCapture.Tls tls(JsonObject r, URI finalUrl) {
      if (!r.containsKey("securityDetails")) {
        return null;
      }
      JsonObject d = r.getJsonObject("securityDetails");
      List<String> chain = new ArrayList<>();
      try {
        int port = finalUrl.getPort() < 0 ? 443 : finalUrl.getPort();
        JsonObject certs =
            cdp.call(
                session,
                "Network.getCertificate",
                Json.createObjectBuilder()
                    .add("origin", finalUrl.getScheme() + "://" + finalUrl.getHost() + ":" + port),
                STEP);
        JsonArray names = certs.getJsonArray("tableNames");
        for (JsonValue v : names) {
          String der = ((JsonString) v).getString();
          chain.add(
              "-----BEGIN CERTIFICATE-----\n"
                  + Base64.getMimeEncoder(64, new byte[] {'\n'})
                      .encodeToString(Base64.getDecoder().decode(der))
                  + "\n-----END CERTIFICATE-----\n");
        }
      } catch (CaptureFailedException | RuntimeException e) {
        LOG.log(Level.FINE, "no certificate chain from the browser", e);
      }
      return new PageCapture.Tls(
          d.getString("protocol", null),
          d.getString("cipher", null),
          d.getString("subjectName", null),
          d.getString("issuer", null),
          d.containsKey("validFrom")
              ? Instant.ofEpochSecond(d.getJsonNumber("validFrom").longValue())
              : null,
          d.containsKey("validTo")
              ? Instant.ofEpochSecond(d.getJsonNumber("validTo").longValue())
              : null,
          chain);
    }
  }
}
