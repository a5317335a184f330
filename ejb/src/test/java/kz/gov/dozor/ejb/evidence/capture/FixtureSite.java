package kz.gov.dozor.ejb.evidence.capture;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * A small web site on 127.0.0.1 for capture tests: a long page, a redirect, a slow page, a 404, and
 * a redirect into the cloud-metadata address.
 */
public final class FixtureSite implements AutoCloseable {

  private final HttpServer server;
  private final String scheme;

  public FixtureSite(int port) throws IOException {
    this(
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16),
        "http");
  }

  private FixtureSite(HttpServer server, String scheme) {
    this.server = server;
    this.scheme = scheme;
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
  }

  /** The same site over https, with the certificate of {@code tls} (self-signed, say). */
  public static FixtureSite https(int port, javax.net.ssl.SSLContext tls) throws IOException {
    com.sun.net.httpserver.HttpsServer s =
        com.sun.net.httpserver.HttpsServer.create(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
    s.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(tls));
    return new FixtureSite(s, "https");
  }

  public String url(String path) {
    return scheme + "://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange x) throws IOException {
    try (x) {
      String path = x.getRequestURI().getPath();
      switch (path) {
        case "/long" -> {
          StringBuilder b =
              new StringBuilder("<!DOCTYPE html><html><head><title>Long page</title>");
          b.append("<style>div{height:100px;border-bottom:1px solid #999}</style></head><body>");
          b.append("<h1>Казино «Қазына» — ставки онлайн</h1>");
          for (int i = 0; i < 60; i++) {
            b.append("<div>Row ").append(i).append("</div>");
          }
          b.append("</body></html>");
          send(x, 200, "text/html; charset=utf-8", b.toString());
        }
        case "/redirect" -> {
          x.getResponseHeaders().set("Location", "/long");
          x.sendResponseHeaders(302, -1);
        }
        case "/slow" -> {
          try {
            Thread.sleep(15_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          send(x, 200, "text/html", "<html><body>late</body></html>");
        }
        case "/to-metadata" -> {
          x.getResponseHeaders().set("Location", "http://169.254.169.254/latest/meta-data/");
          x.sendResponseHeaders(302, -1);
        }
        default -> send(x, 404, "text/html", "<html><body><h1>Not here</h1></body></html>");
      }
    }
  }

  private static void send(HttpExchange x, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", type);
    x.getResponseHeaders().set("X-Fixture", "dozor");
    x.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(bytes);
    }
  }
}
