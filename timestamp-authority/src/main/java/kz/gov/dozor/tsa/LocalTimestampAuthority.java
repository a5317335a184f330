package kz.gov.dozor.tsa;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * An RFC 3161 time-stamping authority over HTTP for a developer's machine and the tests: it answers
 * {@code POST /} with {@code application/timestamp-query} by a signed token of the request's digest
 * and the current time. Its key is a PKCS#12 file whose certificate allows time stamping (extended
 * key usage {@code timeStamping}, critical), so {@code openssl ts -verify} accepts its tokens.
 */
public final class LocalTimestampAuthority implements AutoCloseable {

  /** The policy its tokens name: an OID of the arc ITU-T and ISO reserve for examples. */
  public static final String POLICY = "2.999.1";

  private static final int MAX_REQUEST = 64 * 1024;

  private final PrivateKey key;
  private final X509Certificate certificate;
  private final String host;
  private final int port;
  private final AtomicLong serials = new AtomicLong(System.currentTimeMillis() * 1000);
  private HttpServer server;

  public LocalTimestampAuthority(
      PrivateKey key, X509Certificate certificate, String host, int port) {
    this.key = key;
    this.certificate = certificate;
    this.host = host;
    this.port = port;
  }

  /** An authority with the key of {@code keystore} (the first entry holding a private key). */
  public static LocalTimestampAuthority fromKeystore(
      Path keystore, char[] password, String host, int port) throws IOException {
    try (InputStream in = Files.newInputStream(keystore)) {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(in, password);
      for (String alias : Collections.list(ks.aliases())) {
        if (ks.isKeyEntry(alias)
            && ks.getKey(alias, password) instanceof PrivateKey k
            && ks.getCertificate(alias) instanceof X509Certificate c) {
          return new LocalTimestampAuthority(k, c, host, port);
        }
      }
      throw new IOException("no private key in " + keystore);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot read the key " + keystore, e);
    }
  }

  public X509Certificate certificate() {
    return certificate;
  }

  /** Its address, for the portal's {@code DOZOR_TSA_URL}. */
  public String url() {
    return "http://" + host + ":" + port + "/";
  }

  /** Starts answering; a started authority is left as it is. */
  public synchronized void start() throws IOException {
    if (server != null) {
      return;
    }
    HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), port), 16);
    s.createContext("/", this::handle);
    s.setExecutor(Executors.newFixedThreadPool(2));
    s.start();
    server = s;
  }

  /** Stops answering: the port is closed, as when an authority is unreachable. */
  public synchronized void stop() {
    if (server != null) {
      server.stop(0);
      ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
      server = null;
    }
  }

  public synchronized boolean running() {
    return server != null;
  }

  @Override
  public void close() {
    stop();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        plain(exchange, 405, "POST an application/timestamp-query\n");
        return;
      }
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes(MAX_REQUEST + 1);
      }
      if (body.length > MAX_REQUEST) {
        plain(exchange, 413, "request too large\n");
        return;
      }
      TimeStampRequest request;
      try {
        request = new TimeStampRequest(body);
      } catch (IOException | IllegalArgumentException e) {
        plain(exchange, 400, "not a time-stamp request\n");
        return;
      }
      byte[] reply = answer(request);
      exchange.getResponseHeaders().set("Content-Type", "application/timestamp-reply");
      exchange.sendResponseHeaders(200, reply.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(reply);
      }
    }
  }

  /** The reply to a request: a token, or a rejection naming why (unknown digest, say). */
  byte[] answer(TimeStampRequest request) throws IOException {
    try {
      DigestCalculator certDigest =
          new JcaDigestCalculatorProviderBuilder()
              .build()
              .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
      String algorithm = "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
      SignerInfoGenerator signer =
          new JcaSimpleSignerInfoGeneratorBuilder().build(algorithm, key, certificate);
      TimeStampTokenGenerator tokens =
          new TimeStampTokenGenerator(signer, certDigest, new ASN1ObjectIdentifier(POLICY));
      tokens.addCertificates(new JcaCertStore(List.of(certificate)));
      tokens.setAccuracySeconds(1);
      TimeStampResponseGenerator replies =
          new TimeStampResponseGenerator(
              tokens,
              java.util.Set.of(TSPAlgorithms.SHA256, TSPAlgorithms.SHA384, TSPAlgorithms.SHA512));
      TimeStampResponse reply =
          replies.generate(request, BigInteger.valueOf(serials.incrementAndGet()), new Date());
      return reply.getEncoded();
    } catch (TSPException | OperatorCreationException | GeneralSecurityException e) {
      throw new IOException("cannot make a time-stamp token", e);
    }
  }

  private static void plain(HttpExchange exchange, int status, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /**
   * {@code java -jar dozor-local-tsa.jar KEYSTORE [PORT [HOST]]}: runs until stopped; the
   * keystore's password is read from the environment variable {@code DOZOR_TSA_PASSWORD}.
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println(
          "usage: dozor-local-tsa KEYSTORE [PORT [HOST]]  (password in DOZOR_TSA_PASSWORD)");
      System.exit(2);
    }
    String password = System.getenv().getOrDefault("DOZOR_TSA_PASSWORD", "");
    int port = args.length > 1 ? Integer.parseInt(args[1]) : 8318;
    String host = args.length > 2 ? args[2] : "127.0.0.1";
    LocalTimestampAuthority tsa =
        fromKeystore(Path.of(args[0]), password.toCharArray(), host, port);
    tsa.start();
    System.out.println("local time-stamping authority at " + tsa.url());
    Runtime.getRuntime().addShutdownHook(new Thread(tsa::stop));
    Thread.currentThread().join();
  }
}
