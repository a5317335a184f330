/** Cases: registered violations, their resources (URLs), categories and history. */
package kz.gov.dozor.persistence.cases;
