/** Inbox: telling the people who must act, in the portal and by e-mail (with retries). */
package kz.gov.dozor.ejb.inbox;
