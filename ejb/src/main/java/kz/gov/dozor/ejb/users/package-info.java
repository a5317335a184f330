/** Users: who is calling, their organisation and preferences, as recorded at sign-in. */
package kz.gov.dozor.ejb.users;
