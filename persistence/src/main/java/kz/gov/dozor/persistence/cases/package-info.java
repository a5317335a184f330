/** Cases: registered violations, their resources (URLs), routes, referrals and history. */
package kz.gov.dozor.persistence.cases;
