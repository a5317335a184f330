/** Inbox: notifications of the people who must act, in the portal and by e-mail. */
package kz.gov.dozor.persistence.inbox;
