package kz.gov.dozor.ejb.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Inbox messages are kept as a key and parameters, and read in whichever language is asked. */
class InboxTextsTest {

  @Test
  void parametersSurviveStorageWhateverTheyHold() {
    List<String> parameters = List.of("AFM-N-2026-000001", "quote \" and \\ back", "", "ж\nи");
    String stored = MessageParameters.encode(parameters);
    assertThat(stored).startsWith("[\"AFM-N-2026-000001\",");
    assertThat(MessageParameters.decode(stored)).isEqualTo(parameters);
    assertThat(MessageParameters.decode("[]")).isEmpty();
    assertThat(MessageParameters.decode("[\"AFM-1\"]")).containsExactly("AFM-1");
    assertThat(MessageParameters.decode(null)).isEmpty();
  }

  @Test
  void oneMessageReadsInEachLanguage() {
    Object[] args = {"AFM-2026-000042"};
    assertThat(Texts.text("en", "inbox.awaitingSignOff", args))
        .isEqualTo("Notification for case AFM-2026-000042 awaits your sign-off.");
    assertThat(Texts.text("kk", "inbox.awaitingSignOff", args))
        .isEqualTo("AFM-2026-000042 ісі бойынша хабарлама сіздің келісуіңізді күтуде.");
    assertThat(Texts.text("ru", "inbox.awaitingSignOff", args)).contains("AFM-2026-000042");
    assertThat(Texts.text("ru", "inbox.awaitingSignOff", args))
        .isNotEqualTo(Texts.text("en", "inbox.awaitingSignOff", args))
        .isNotEqualTo(Texts.text("kk", "inbox.awaitingSignOff", args));
    // No language chosen (or an unknown one): Russian, not the server's default language.
    assertThat(Texts.text(null, "inbox.awaitingSignOff", args))
        .isEqualTo(Texts.text("ru", "inbox.awaitingSignOff", args));
    assertThat(Texts.text("de", "inbox.awaitingSignOff", args))
        .isEqualTo(Texts.text("ru", "inbox.awaitingSignOff", args));
  }
}
