/**
 * Users: an administrator's pages for their organisation's accounts (list, one account, a new
 * account), thin view-scoped beans over the users feature's services.
 */
package kz.gov.dozor.web.users;
