package kz.gov.dozor.it.support;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * The test database reached from the test's own JVM, for browser tests ({@code @RunAsClient}): the
 * URL from {@code test.db.url}, the account from DOZOR_DB_USER and DOZOR_DB_PASSWORD as the scripts
 * set them up. (A class of its own: the in-server tests never load the driver from here.)
 */
public final class ClientDatabase {

  private ClientDatabase() {}

  public static TestData open() {
    PGSimpleDataSource pg = new PGSimpleDataSource();
    pg.setUrl(System.getProperty("test.db.url", "jdbc:postgresql://localhost:5432/dozor_test"));
    pg.setUser(System.getenv().getOrDefault("DOZOR_DB_USER", "dozor"));
    pg.setPassword(System.getenv().getOrDefault("DOZOR_DB_PASSWORD", "dozor"));
    return new TestData(pg);
  }
}
