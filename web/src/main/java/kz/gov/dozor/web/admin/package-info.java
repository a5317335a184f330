/** Administrators' pages: the audit log and the state of its chain. */
package kz.gov.dozor.web.admin;
