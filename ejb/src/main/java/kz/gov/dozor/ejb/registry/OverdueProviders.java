package kz.gov.dozor.ejb.registry;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import kz.gov.dozor.ejb.inbox.Notifier;
import kz.gov.dozor.ejb.reference.Deadlines;
import kz.gov.dozor.ejb.reference.OverdueWork;
import kz.gov.dozor.ejb.users.Organisations;
import kz.gov.dozor.ejb.users.Roles;
import kz.gov.dozor.persistence.reference.DeadlineStep;

/**
 * Providers that have not applied a registry change within their deadline (an urgent one within the
 * urgent deadline, any other within the routine one): flagged and the ministry's officers told,
 * once per provider for the first change it is late with (and once more for the first urgent one).
 * Every node's timer may run this: the flag's primary key lets exactly one of them tell.
 */
@Dependent
public class OverdueProviders implements OverdueWork {

  @PersistenceContext private EntityManager em;
  @Inject private Deadlines deadlines;
  @Inject private Notifier notifier;

  @Override
  public int tellOverdue(Instant now) {
    long urgentHours = deadlines.hoursOf(DeadlineStep.PROVIDER_URGENT).toHours();
    long routineHours = deadlines.hoursOf(DeadlineStep.PROVIDER_ROUTINE).toHours();
    String late =
        " from provider p cross join lateral (select c.version, c.urgent, c.changed_at"
            + " + make_interval(hours => case when c.urgent then :uh else :rh end) due"
            + " from registry_change c where c.version > coalesce(p.applied_version, 0)"
            + " and c.changed_at + make_interval(hours => case when c.urgent then :uh else :rh"
            + " end) < cast(:now as timestamptz) %s order by c.version limit 1) c where p.active";
    @SuppressWarnings("unchecked")
    List<Object[]> flagged =
        em.createNativeQuery(
                "insert into provider_overdue (provider_code, version, urgent, due_at, flagged_at)"
                    + " select p.code, c.version, c.urgent, c.due, cast(:now as timestamptz)"
                    + String.format(late, "")
                    + " union select p.code, c.version, c.urgent, c.due, cast(:now as timestamptz)"
                    + String.format(late, "and c.urgent")
                    + " on conflict do nothing"
                    + " returning provider_code, version, urgent")
            .setParameter("uh", (int) urgentHours)
            .setParameter("rh", (int) routineHours)
            .setParameter("now", now)
            .getResultList();
    if (flagged.isEmpty()) {
      return 0;
    }
    List<String> officers = notifier.holders(Organisations.MCI, Roles.OFFICER);
    for (Object[] f : flagged) {
      String code = (String) f[0];
      String name =
          (String)
              em.createNativeQuery("select name from provider where code = :c")
                  .setParameter("c", code)
                  .getSingleResult();
      notifier.tell(
          officers,
          Boolean.TRUE.equals(f[2]) ? "inbox.providerOverdueUrgent" : "inbox.providerOverdue",
          List.of(name, String.valueOf(((Number) f[1]).longValue())),
          "/registry/providers.xhtml?provider=" + code);
    }
    return flagged.size();
  }
}
