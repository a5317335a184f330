package kz.gov.dozor.ejb.users;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Brings the portal's copy of the directory in step with Keycloak, for changes made elsewhere (in
 * Keycloak's console): every member of each organisation, with name, e-mail, roles and whether
 * enabled, also those who have never signed in; accounts no organisation lists any more receive no
 * work. Safe when every node of a cluster runs it: one sync at a time holds the database's lock,
 * the others skip their turn.
 */
@Stateless
@PermitAll
public class DirectorySync {

  private static final Logger LOG = Logger.getLogger(DirectorySync.class.getName());

  /** The advisory lock of the sync (an arbitrary number, the same on every node). */
  static final long LOCK = 0x646f7a6f72L; // "dozor"

  /** What one sync did; {@code skipped} when another node was syncing. */
  public record Result(boolean skipped, int members, int retired) {}

  @PersistenceContext private EntityManager em;
  @Inject private KeycloakDirectory directory;
  @Inject private DirectoryCopy copy;
  @Inject private Clock clock;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Result syncAll() {
    Boolean mine =
        (Boolean)
            em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, LOCK)
                .getSingleResult();
    if (!Boolean.TRUE.equals(mine)) {
      return new Result(true, 0, 0);
    }
    Instant started = clock.instant();
    Set<String> seen = new HashSet<>();
    for (String organisation : Organisations.ALL) {
      for (DirectoryAccount a : directory.allMembers(organisation)) {
        if (seen.add(a.id())) {
          copy.keep(a, organisation, directory.portalRoles(a.id()), started);
        }
      }
    }
    int retired = copy.retireMissing(seen, started);
    Result result = new Result(false, seen.size(), retired);
    LOG.fine(() -> "directory synced: " + result);
    return result;
  }
}
