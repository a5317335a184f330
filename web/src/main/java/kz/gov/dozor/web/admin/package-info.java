/** Administrators' pages: deadlines and holidays. */
package kz.gov.dozor.web.admin;
