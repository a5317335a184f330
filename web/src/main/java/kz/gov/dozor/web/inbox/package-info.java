/** The in-portal inbox: what the signed-in user must act on. */
package kz.gov.dozor.web.inbox;
