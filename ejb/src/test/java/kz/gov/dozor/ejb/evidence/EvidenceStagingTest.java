package kz.gov.dozor.ejb.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import kz.gov.dozor.ejb.evidence.EvidenceRejectedException.Reason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Receiving files into staging: the names they get and how many one person may leave there. */
class EvidenceStagingTest {

  @TempDir Path dir;

  private EvidenceStore store;
  private byte[] png;

  @BeforeEach
  void setUp() throws IOException {
    store = new EvidenceStore();
    store.init(dir);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB), "png", out);
    png = out.toByteArray();
  }

  private StagedEvidence receive(String name, String owner) {
    return store.receive(new ByteArrayInputStream(png), name, owner);
  }

  private long stagedFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("staging"))) {
      return files.count();
    }
  }

  @Test
  void aPngSentAsAnExecutableIsKeptUnderAPngName() {
    assertThat(receive("shot.exe", "ivan").fileName()).isEqualTo("shot.png");
    assertThat(receive("invoice\u202Egnp.exe", "ivan").fileName()).isEqualTo("invoicegnp.png");
  }

  @Test
  void refusesMoreStagedFilesThanOnePersonMayHave() throws IOException {
    // Arrange
    List<StagedEvidence> staged = new ArrayList<>();
    for (int i = 0; i < EvidenceStore.MAX_STAGED_PER_USER; i++) {
      staged.add(receive("shot" + i + ".png", "ivan"));
    }

    // Act
    Throwable refused = catchThrowable(() -> receive("one-more.png", "ivan"));

    // Assert: refused, and nothing more on disk.
    assertThat(refused).isInstanceOf(EvidenceRejectedException.class);
    assertThat(((EvidenceRejectedException) refused).getReason()).isEqualTo(Reason.TOO_MANY_STAGED);
    assertThat(stagedFiles()).isEqualTo(EvidenceStore.MAX_STAGED_PER_USER);
    assertThat(store.stagedCountOf("ivan")).isEqualTo(EvidenceStore.MAX_STAGED_PER_USER);
  }

  @Test
  void anotherPersonAndADiscardedFileMakeRoom() {
    // Arrange
    List<StagedEvidence> staged = new ArrayList<>();
    for (int i = 0; i < EvidenceStore.MAX_STAGED_PER_USER; i++) {
      staged.add(receive("shot" + i + ".png", "ivan"));
    }

    // Act
    StagedEvidence olgas = receive("hers.png", "olga");
    store.discard(staged.get(0));
    StagedEvidence ivans = receive("again.png", "ivan");

    // Assert
    assertThat(olgas.fileName()).isEqualTo("hers.png");
    assertThat(ivans.fileName()).isEqualTo("again.png");
    assertThat(store.stagedCountOf("ivan")).isEqualTo(EvidenceStore.MAX_STAGED_PER_USER);
  }

  @Test
  void everyNodeOfAClusterCountsTheSameStagedFiles() {
    // Arrange: a second node on the same shared evidence directory.
    EvidenceStore otherNode = new EvidenceStore();
    otherNode.init(dir);
    for (int i = 0; i < EvidenceStore.MAX_STAGED_PER_USER - 1; i++) {
      receive("shot" + i + ".png", "ivan");
    }

    // Act: the last place taken on the other node, then one more asked on this one.
    otherNode.receive(new ByteArrayInputStream(png), "last.png", "ivan");
    Throwable refused = catchThrowable(() -> receive("one-more.png", "ivan"));

    // Assert
    assertThat(refused).isInstanceOf(EvidenceRejectedException.class);
    assertThat(otherNode.stagedCountOf("ivan")).isEqualTo(EvidenceStore.MAX_STAGED_PER_USER);
  }

  @Test
  void aRefusedFileTakesNoPlace() {
    // Act
    Throwable refused =
        catchThrowable(
            () -> store.receive(new ByteArrayInputStream(new byte[] {'M', 'Z'}), "x.exe", "ivan"));

    // Assert
    assertThat(refused).isInstanceOf(EvidenceRejectedException.class);
    assertThat(store.stagedCountOf("ivan")).isZero();
  }
}
