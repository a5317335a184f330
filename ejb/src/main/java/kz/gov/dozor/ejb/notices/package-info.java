/**
 * Notices: block notifications drafted by investigators, signed off by a supervisor (never their
 * own), decided by ministry officers resource by resource, answered and resent.
 */
package kz.gov.dozor.ejb.notices;
