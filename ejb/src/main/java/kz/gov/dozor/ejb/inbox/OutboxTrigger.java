package kz.gov.dozor.ejb.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/** After a hand-over commits (never before, never after a rollback), its mails go out. */
@ApplicationScoped
public class OutboxTrigger {

  @Inject private Mailer mailer;

  void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailQueued event) {
    mailer.sendSoon();
  }
}
