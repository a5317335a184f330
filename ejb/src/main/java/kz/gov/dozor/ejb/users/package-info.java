/**
 * Users: the organisations' accounts in Keycloak, managed by their administrators ({@link
 * kz.gov.dozor.ejb.users.UserAdministration}, {@link kz.gov.dozor.ejb.users.UserQueries}), and the
 * portal's copy of that directory ({@link kz.gov.dozor.ejb.users.DirectoryCopy}, kept in step by
 * every change and by {@link kz.gov.dozor.ejb.users.DirectorySync}); who is calling, their
 * organisation and language ({@link kz.gov.dozor.ejb.users.UserDirectory}), and how people are
 * named. It tells the audit log ({@link kz.gov.dozor.ejb.users.AccountEvent}) and the features that
 * give people work ({@link kz.gov.dozor.ejb.users.AccountDisabled}) by CDI events, and imports
 * neither.
 */
package kz.gov.dozor.ejb.users;
