/** Case pages: the list, the new-case form and the case page. */
package kz.gov.dozor.web.cases;
