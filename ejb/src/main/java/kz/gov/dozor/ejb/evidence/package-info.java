/** Evidence: receiving, checking, storing and serving evidence files, with chain of custody. */
package kz.gov.dozor.ejb.evidence;
