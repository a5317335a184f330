package kz.gov.dozor.ejb.registry;

import static kz.gov.dozor.ejb.platform.NativeValues.instant;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kz.gov.dozor.ejb.platform.AccessDeniedException;
import kz.gov.dozor.ejb.reference.Deadlines;
import kz.gov.dozor.ejb.users.Organisations;
import kz.gov.dozor.ejb.users.Roles;
import kz.gov.dozor.ejb.users.UserDirectory;
import kz.gov.dozor.persistence.reference.DeadlineStep;

/**
 * Internet providers and what they did with the registry: every export they fetched and every
 * version they confirmed applying, so that the ministry sees who is behind.
 */
@Stateless
@RolesAllowed(Roles.PROVIDER)
public class Providers {

  @PersistenceContext private EntityManager em;
  @Inject private Clock clock;
  @Inject private Deadlines deadlines;
  @Inject private UserDirectory users;

  /**
   * The active provider registered with this Keycloak client and code, or null. Asked by the API's
   * door for every request, before the caller's role is known to the EJB layer.
   */
  @PermitAll
  public ProviderRef byClient(String clientId, String code) {
    List<?> rows =
        em.createNativeQuery(
                "select code, name, client_id from provider"
                    + " where client_id = :client and code = :code and active")
            .setParameter("client", clientId)
            .setParameter("code", code)
            .getResultList();
    if (rows.isEmpty()) {
      return null;
    }
    Object[] r = (Object[]) rows.get(0);
    return new ProviderRef((String) r[0], (String) r[1], (String) r[2]);
  }

  /**
   * Records that the provider fetched an export of {@code version} (a delta when since is set);
   * returns the fetch's id, under which its signature is kept once the export is written.
   */
  public long recordFetch(ProviderRef p, long version, Long since, RegistryFormat format) {
    Instant now = clock.instant();
    long id =
        ((Number) em.createNativeQuery("select nextval('registry_fetch_seq')").getSingleResult())
            .longValue();
    // A null is written as SQL null, not bound: an untyped null parameter has no type.
    jakarta.persistence.Query insert =
        em.createNativeQuery(
            "insert into registry_fetch (id, provider_code, version, since, format, fetched_at)"
                + " values (:id, :p, :v, "
                + (since == null ? "null" : ":since")
                + ", :f, :at)");
    if (since != null) {
      insert.setParameter("since", since);
    }
    insert
        .setParameter("id", id)
        .setParameter("p", p.code())
        .setParameter("v", version)
        .setParameter("f", format.extension())
        .setParameter("at", now)
        .executeUpdate();
    em.createNativeQuery(
            "update provider set fetched_version = greatest(coalesce(fetched_version, 0), :v),"
                + " fetched_at = :at where code = :p")
        .setParameter("v", version)
        .setParameter("at", now)
        .setParameter("p", p.code())
        .executeUpdate();
    return id;
  }

  /**
   * Keeps what the provider received: the export's SHA-256, its size and the ministry's detached
   * signature of it. Committed before the export's last bytes leave, so that a provider holding the
   * whole export finds its signature.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void recordSigned(long fetchId, String sha256, long bytes, byte[] signature) {
    em.createNativeQuery(
            "update registry_fetch set sha256 = :sha, bytes = :bytes, signature = :sig"
                + " where id = :id")
        .setParameter("sha", sha256)
        .setParameter("bytes", bytes)
        .setParameter("sig", signature)
        .setParameter("id", fetchId)
        .executeUpdate();
  }

  /** The signature of an export this provider fetched, or null (not its fetch, or not written). */
  public SignedFetch signedFetch(ProviderRef p, long fetchId) {
    List<?> rows =
        em.createNativeQuery(
                "select version, since, format, sha256, bytes, signature from registry_fetch"
                    + " where id = :id and provider_code = :p and signature is not null")
            .setParameter("id", fetchId)
            .setParameter("p", p.code())
            .getResultList();
    if (rows.isEmpty()) {
      return null;
    }
    Object[] r = (Object[]) rows.get(0);
    return new SignedFetch(
        fetchId,
        ((Number) r[0]).longValue(),
        r[1] == null ? null : ((Number) r[1]).longValue(),
        (String) r[2],
        ((String) r[3]).strip(),
        ((Number) r[4]).longValue(),
        (byte[]) r[5]);
  }

  /**
   * The provider confirms it applied {@code version}: a version it fetched (a full export or a
   * delta up to it). A version older than the one it confirmed last is recorded but does not move
   * its applied version back.
   *
   * @throws UnknownVersionException for a version the registry has not reached
   * @throws NotFetchedException for a version the provider never fetched
   */
  public ProviderStatus acknowledge(ProviderRef p, long version) {
    long current =
        ((Number) em.createNativeQuery("select version from registry_state").getSingleResult())
            .longValue();
    if (version < 0 || version > current) {
      throw new UnknownVersionException(version, current);
    }
    boolean fetched =
        !em.createNativeQuery(
                "select 1 from registry_fetch where provider_code = :p and version = :v limit 1")
            .setParameter("p", p.code())
            .setParameter("v", version)
            .getResultList()
            .isEmpty();
    if (!fetched) {
      throw new NotFetchedException(version);
    }
    Instant now = clock.instant();
    em.createNativeQuery(
            "insert into registry_ack (id, provider_code, version, acked_at)"
                + " values (nextval('registry_ack_seq'), :p, :v, :at)")
        .setParameter("p", p.code())
        .setParameter("v", version)
        .setParameter("at", now)
        .executeUpdate();
    em.createNativeQuery(
            "update provider set applied_version = :v, applied_at = :at"
                + " where code = :p and (applied_version is null or applied_version < :v)")
        .setParameter("v", version)
        .setParameter("at", now)
        .setParameter("p", p.code())
        .executeUpdate();
    return status(p.code());
  }

  /** Whether an urgent change after the version the provider applied last waits for it. */
  public boolean urgentPending(String code) {
    ProviderStatus s = status(code);
    return s != null && s.urgentPending();
  }

  /** One provider's standing. */
  @RolesAllowed({Roles.PROVIDER, Roles.OFFICER, Roles.ADMIN})
  public ProviderStatus status(String code) {
    return all(code).stream().findFirst().orElse(null);
  }

  /** Every provider, for the ministry's page. */
  @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
  public List<ProviderStatus> all() {
    ministryOnly();
    return all(null);
  }

  private void ministryOnly() {
    if (!Organisations.MCI.equals(users.requireOrganisationMember().organisation())) {
      throw new AccessDeniedException("access.ministryOnly");
    }
  }

  private List<ProviderStatus> all(String code) {
    Duration urgent = deadlines.hoursOf(DeadlineStep.PROVIDER_URGENT);
    Duration routine = deadlines.hoursOf(DeadlineStep.PROVIDER_ROUTINE);
    Instant now = clock.instant();
    jakarta.persistence.Query q =
        em.createNativeQuery(
            "select p.code, p.name, p.client_id, p.active, p.fetched_version, p.fetched_at,"
                + " p.applied_version, p.applied_at, s.version,"
                + " (select min(c.changed_at) from registry_change c"
                + " where c.version > coalesce(p.applied_version, 0)),"
                + " (select min(c.changed_at) from registry_change c"
                + " where c.urgent and c.version > coalesce(p.applied_version, 0))"
                + " from provider p, registry_state s"
                + (code == null ? "" : " where p.code = :code")
                + " order by p.name, p.code");
    if (code != null) {
      q.setParameter("code", code);
    }
    List<?> rows = q.getResultList();
    return rows.stream()
        .map(
            o -> {
              Object[] r = (Object[]) o;
              Instant pending = instant(r[9]);
              Instant urgentPending = instant(r[10]);
              Instant due = pending == null ? null : pending.plus(routine);
              if (urgentPending != null && urgentPending.plus(urgent).isBefore(due)) {
                due = urgentPending.plus(urgent);
              }
              return new ProviderStatus(
                  (String) r[0],
                  (String) r[1],
                  (String) r[2],
                  (Boolean) r[3],
                  r[4] == null ? null : ((Number) r[4]).longValue(),
                  instant(r[5]),
                  r[6] == null ? null : ((Number) r[6]).longValue(),
                  instant(r[7]),
                  ((Number) r[8]).longValue(),
                  pending,
                  urgentPending,
                  due,
                  due != null && due.isBefore(now));
            })
        .toList();
  }
}
