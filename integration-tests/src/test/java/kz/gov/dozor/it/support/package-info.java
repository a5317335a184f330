/**
 * What the integration tests share: deployments, identities, test data and the procedure steps that
 * set a case up ({@link kz.gov.dozor.it.support.Procedures}), test files, browser set-up.
 */
package kz.gov.dozor.it.support;
