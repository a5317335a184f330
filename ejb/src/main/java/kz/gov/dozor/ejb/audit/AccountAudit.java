package kz.gov.dozor.ejb.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import kz.gov.dozor.ejb.users.AccountEvent;

/** Writes what happens to accounts into the audit log, in the transaction of the change. */
@ApplicationScoped
public class AccountAudit {

  @Inject private AuditLog log;

  void on(@Observes AccountEvent event) {
    if (event.refused()) {
      log.recordDenied("user", event.username(), event.detail(), event.client());
    } else {
      log.record(event.action(), "user", event.username(), event.detail(), event.client());
    }
  }
}
