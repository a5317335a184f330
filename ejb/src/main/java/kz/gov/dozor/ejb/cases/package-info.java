/** Cases: registering violations and finding, listing and opening them. */
package kz.gov.dozor.ejb.cases;
