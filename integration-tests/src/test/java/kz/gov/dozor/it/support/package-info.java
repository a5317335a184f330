/** What the integration tests share: deployments, identities, test files, browser set-up. */
package kz.gov.dozor.it.support;
