package kz.gov.dozor.it.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import kz.gov.dozor.it.support.Browser;
import kz.gov.dozor.it.support.BrowserExtension;
import kz.gov.dozor.it.support.Portal;
import kz.gov.dozor.it.support.Portal.NewCasePage;
import kz.gov.dozor.it.support.TestFiles;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Evidence uploads through the browser: the size limit, the names kept, the cap per form. */
@ExtendWith({ArquillianExtension.class, BrowserExtension.class})
@RunAsClient
class EvidenceUploadBrowserIT {

  private static final int MB = 1024 * 1024;

  /** A real PNG of random pixels (which do not compress): about 12 MB. */
  private static byte[] twelveMegabytePng() {
    BufferedImage image = new BufferedImage(2000, 2000, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(12);
    for (int y = 0; y < 2000; y++) {
      for (int x = 0; x < 2000; x++) {
        image.setRGB(x, y, random.nextInt(0x1000000));
      }
    }
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aFileOverTenMegabytesIsReceivedAndOneOverTwentyGetsThePortalsMessage(Browser b) {
    // Arrange
    byte[] large = twelveMegabytePng();
    assertTrue(large.length > 11 * MB && large.length < 20 * MB, "size " + large.length);
    Portal.signIn(b, "investigator2");
    Portal.chooseLanguage(b, "en");
    NewCasePage form = new NewCasePage(b);

    // Act: a PNG named as a program, above Undertow's default 10 MB.
    form.attach("large-shot.exe", large);

    // Assert: received, and kept under the name of what it is.
    assertEquals("large-shot.png: received and checked, SHA-256 computed.", form.uploadMessage());
    assertEquals(List.of("large-shot.png"), form.stagedNames());

    // Act: above the portal's 20 MB.
    form.attach("huge.png", TestFiles.ofSize(21 * MB));

    // Assert: the portal's own message, and nothing more staged.
    assertEquals("huge.png was refused: The file is larger than 20 MB.", form.uploadMessage());
    assertEquals(1, form.stagedCount());

    // The same refusal in Russian.
    Portal.chooseLanguage(b, "ru");
    NewCasePage ru = new NewCasePage(b);
    ru.attach("huge.png", TestFiles.ofSize(21 * MB));
    assertEquals("Файл huge.png отклонен: Размер файла превышает 20 МБ.", ru.uploadMessage());
  }

  @Test
  void aFormHoldsAtMostFiftyFiles(Browser b) {
    // Arrange
    Portal.signIn(b, "investigator2");
    Portal.chooseLanguage(b, "en");
    NewCasePage form = new NewCasePage(b);
    for (int i = 0; i < 50; i++) {
      form.attach("shot" + i + ".png", TestFiles.png(i));
    }
    assertEquals(50, form.stagedCount());

    // Act
    form.attach("one-more.png", TestFiles.png(50));

    // Assert
    assertEquals(
        "one-more.png was refused: One form can hold at most 50 files.", form.uploadMessage());
    assertEquals(50, form.stagedCount());
  }
}
