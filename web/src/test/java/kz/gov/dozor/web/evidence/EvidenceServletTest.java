package kz.gov.dozor.web.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import kz.gov.dozor.ejb.evidence.EvidenceFile;
import kz.gov.dozor.ejb.evidence.EvidenceService;
import kz.gov.dozor.persistence.evidence.EvidenceAccess.Action;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceServletTest {

  @Test
  void givesAnAsciiNameAndTheExactUtf8Name() {
    assertThat(kz.gov.dozor.web.platform.Downloads.fileNameParameters("скрин 1.png"))
        .isEqualTo(
            "filename=\"_____ 1.png\"; filename*=UTF-8''%D1%81%D0%BA%D1%80%D0%B8%D0%BD%201.png");
  }

  @Test
  void neutralisesQuotesAndHeaderBreaks() {
    String header = kz.gov.dozor.web.platform.Downloads.fileNameParameters("a\"b\r\nX-Evil: 1.png");
    assertThat(header).doesNotContain("\r").doesNotContain("\n");
    assertThat(header).startsWith("filename=\"a_b__X-Evil_ 1.png\"");
  }

  // --- HEAD ------------------------------------------------------------------------------------

  /** A service that counts what the servlet asked of it. */
  private static final class CountingService extends EvidenceService {
    final Path file;
    int opened;
    int described;

    CountingService(Path file) {
      this.file = file;
    }

    @Override
    public EvidenceFile open(long evidenceId, Action action, String clientAddress) {
      return open(evidenceId, action, clientAddress, null);
    }

    @Override
    public EvidenceFile open(long evidenceId, Action action, String clientAddress, String reason) {
      opened++;
      return fileOf();
    }

    @Override
    public EvidenceFile describe(long evidenceId, Action action, String clientAddress) {
      described++;
      return fileOf();
    }

    private EvidenceFile fileOf() {
      return new EvidenceFile("shot.png", "image/png", 5, "ab".repeat(32), file);
    }
  }

  /** What the servlet answered: headers and the body bytes. */
  private static final class Answer {
    final Map<String, String> headers = new HashMap<>();
    final ByteArrayOutputStream body = new ByteArrayOutputStream();
    int status = 200;
  }

  private static Answer call(EvidenceServlet servlet, String method, String path) throws Exception {
    Answer answer = new Answer();
    HttpServletRequest req =
        proxy(
            HttpServletRequest.class,
            (name, args) ->
                switch (name) {
                  case "getMethod" -> method;
                  case "getPathInfo" -> path;
                  case "getRemoteAddr" -> "127.0.0.1";
                  case "getProtocol" -> "HTTP/1.1";
                  case "getDateHeader" -> -1L;
                  default -> null;
                });
    ServletOutputStream out =
        new ServletOutputStream() {
          @Override
          public void write(int b) {
            answer.body.write(b);
          }

          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(WriteListener listener) {}
        };
    HttpServletResponse res =
        proxy(
            HttpServletResponse.class,
            (name, args) -> {
              switch (name) {
                case "getOutputStream":
                  return out;
                case "setHeader", "addHeader":
                  answer.headers.put(((String) args[0]).toLowerCase(Locale.ROOT), (String) args[1]);
                  return null;
                case "setContentType":
                  answer.headers.put("content-type", (String) args[0]);
                  return null;
                case "setContentLengthLong", "setContentLength":
                  answer.headers.put("content-length", String.valueOf(args[0]));
                  return null;
                case "sendError", "setStatus":
                  answer.status = (Integer) args[0];
                  return null;
                case "getCharacterEncoding":
                  return "UTF-8";
                case "containsHeader", "isCommitted":
                  return false;
                default:
                  return null;
              }
            });
    servlet.service(req, res);
    return answer;
  }

  private interface Handler {
    Object handle(String method, Object[] args) throws Exception;
  }

  private static <T> T proxy(Class<T> type, Handler handler) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (p, m, args) -> handler.handle(m.getName(), args)));
  }

  @Test
  void headAnswersWithoutContentAndIsNotRecordedAsADownload(@TempDir Path dir) throws Exception {
    // Arrange
    Path file = Files.write(dir.resolve("f"), new byte[] {1, 2, 3, 4, 5});
    CountingService service = new CountingService(file);
    EvidenceServlet servlet = new EvidenceServlet(service);

    // Act
    Answer answer = call(servlet, "HEAD", "/7/download");

    // Assert
    assertThat(answer.status).isEqualTo(200);
    assertThat(answer.headers).containsEntry("content-type", "image/png");
    assertThat(answer.headers).containsEntry("content-length", "5");
    assertThat(answer.body.size()).isZero();
    assertThat(service.opened).isZero();
    assertThat(service.described).isEqualTo(1);
  }

  @Test
  void getGivesTheContentAndIsRecorded(@TempDir Path dir) throws Exception {
    // Arrange
    Path file = Files.write(dir.resolve("f"), new byte[] {1, 2, 3, 4, 5});
    CountingService service = new CountingService(file);
    EvidenceServlet servlet = new EvidenceServlet(service);

    // Act
    Answer answer = call(servlet, "GET", "/7/download");

    // Assert
    assertThat(answer.body.toByteArray()).containsExactly(1, 2, 3, 4, 5);
    assertThat(service.opened).isEqualTo(1);
    assertThat(service.described).isZero();
  }
}
