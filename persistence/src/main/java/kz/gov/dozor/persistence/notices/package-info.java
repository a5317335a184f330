/**
 * Notices: block notifications from the agency to the ministry and the decision on each resource.
 */
package kz.gov.dozor.persistence.notices;
