package kz.gov.dozor.it.support;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.Asset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The in-server test deployment: the built EAR itself (services, entities, migrations and
 * libraries, exactly as shipped) with its web module replaced by a test WAR holding the tests.
 */
public final class Deployments {

  private Deployments() {}

  public static EnterpriseArchive servicesWith(Class<?>... testClasses) {
    EnterpriseArchive ear =
        ShrinkWrap.create(ZipImporter.class, "dozor-it.ear")
            .importFrom(new File(System.getProperty("dozor.ear")))
            .as(EnterpriseArchive.class);
    ear.delete("/dozor-web.war");
    WebArchive tests =
        ShrinkWrap.create(WebArchive.class, "dozor-it.war")
            .addClasses(testClasses)
            .addPackage(Deployments.class.getPackage())
            .addAsWebInfResource(
                new StringAsset("<beans bean-discovery-mode=\"annotated\"/>"), "beans.xml")
            // The test build's settings (addresses, the demo clients' secrets) for tests that
            // call the portal over HTTP from inside the server (TestConfig).
            .addAsResource(new StringAsset(TestConfig.snapshot()), TestConfig.RESOURCE);
    // PDFBox is in the EAR's lib already; the test WAR needs nothing else.
    ear.addAsModule(tests);
    ear.setApplicationXML(
        new StringAsset(
            "<application xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"10\">"
                + "<application-name>dozor-it</application-name>"
                + "<module><ejb>dozor-ejb.jar</ejb></module>"
                + "<module><web><web-uri>dozor-it.war</web-uri><context-root>/dozor-it</context-root></web></module>"
                + "<library-directory>lib</library-directory>"
                + "</application>"));
    // The shipped EAR's module dependencies (ImageIO; the server's RESTEasy and Jackson for
    // Keycloak's admin client), with the test WAR in the web module's place.
    String structure = read(ear.get("/META-INF/jboss-deployment-structure.xml").getAsset());
    ear.delete("/META-INF/jboss-deployment-structure.xml");
    ear.addAsManifestResource(
        new StringAsset(structure.replace("\"dozor-web.war\"", "\"dozor-it.war\"")),
        "jboss-deployment-structure.xml");
    return ear;
  }

  private static String read(Asset asset) {
    try (InputStream in = asset.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
