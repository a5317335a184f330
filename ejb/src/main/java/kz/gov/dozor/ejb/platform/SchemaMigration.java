package kz.gov.dozor.ejb.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Brings the database schema up to date before anything else uses it. */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

  @Resource(lookup = "java:jboss/datasources/DozorDS")
  private DataSource dataSource;

  @PostConstruct
  void migrate() {
    Flyway.configure(SchemaMigration.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        // Jakarta Batch's job repository (JBeret) creates its tables in the same schema when the
        // server starts, before this runs: a new database is then not empty, and is baselined
        // below every migration, which then all run. A database with a history is unaffected.
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }
}
