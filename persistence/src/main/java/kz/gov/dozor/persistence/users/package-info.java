/**
 * Users of the organisations as the portal knows them: from the directory (Keycloak) and their
 * sign-ins; organisation, name, e-mail, roles, whether enabled, and chosen language.
 */
package kz.gov.dozor.persistence.users;
