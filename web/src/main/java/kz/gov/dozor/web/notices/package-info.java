/** Notification pages: drafting on the case page, the notification page, and each role's queue. */
package kz.gov.dozor.web.notices;
