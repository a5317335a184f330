package kz.gov.dozor.ejb.registry;

import static kz.gov.dozor.ejb.platform.NativeValues.instant;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import kz.gov.dozor.ejb.users.Roles;

/**
 * Internet providers and what they did with the registry: every export they fetched and every
 * version they confirmed applying, so that the ministry sees who is behind.
 */
@Stateless
@RolesAllowed(Roles.PROVIDER)
public class Providers {

  @PersistenceContext private EntityManager em;
  @Inject private Clock clock;

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

  /** Records that the provider fetched an export of {@code version} (a delta when since is set). */
  public void recordFetch(ProviderRef p, long version, Long since, RegistryFormat format) {
    Instant now = clock.instant();
    // A null is written as SQL null, not bound: an untyped null parameter has no type.
    jakarta.persistence.Query insert =
        em.createNativeQuery(
            "insert into registry_fetch (id, provider_code, version, since, format, fetched_at)"
                + " values (nextval('registry_fetch_seq'), :p, :v, "
                + (since == null ? "null" : ":since")
                + ", :f, :at)");
    if (since != null) {
      insert.setParameter("since", since);
    }
    insert
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
    return !em.createNativeQuery(
            "select 1 from registry_change c, provider p where p.code = :p and c.urgent"
                + " and c.version > coalesce(p.applied_version, 0) limit 1")
        .setParameter("p", code)
        .getResultList()
        .isEmpty();
  }

  /** One provider's standing. */
  @RolesAllowed({Roles.PROVIDER, Roles.OFFICER, Roles.ADMIN})
  public ProviderStatus status(String code) {
    return all(code).stream().findFirst().orElse(null);
  }

  /** Every provider, for the ministry's page. */
  @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
  public List<ProviderStatus> all() {
    return all(null);
  }

  private List<ProviderStatus> all(String code) {
    jakarta.persistence.Query q =
        em.createNativeQuery(
            "select code, name, client_id, active, fetched_version, fetched_at,"
                + " applied_version, applied_at from provider"
                + (code == null ? "" : " where code = :code")
                + " order by name, code");
    if (code != null) {
      q.setParameter("code", code);
    }
    List<?> rows = q.getResultList();
    return rows.stream()
        .map(
            o -> {
              Object[] r = (Object[]) o;
              return new ProviderStatus(
                  (String) r[0],
                  (String) r[1],
                  (String) r[2],
                  (Boolean) r[3],
                  r[4] == null ? null : ((Number) r[4]).longValue(),
                  instant(r[5]),
                  r[6] == null ? null : ((Number) r[6]).longValue(),
                  instant(r[7]));
            })
        .toList();
  }
}
