package kz.gov.dozor.ejb.users;

import kz.gov.dozor.ejb.platform.DozorException;

/**
 * A change to an account that the organisation's rules forbid: one's own administrator role or
 * account, or the last enabled administrator of an organisation.
 */
public class AccountRuleException extends DozorException {
  public AccountRuleException(String messageKey, Object... arguments) {
    super(messageKey, arguments);
  }
}
