package kz.gov.dozor.web.cases;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.FacesValidator;
import jakarta.faces.validator.Validator;
import jakarta.faces.validator.ValidatorException;
import kz.gov.dozor.ejb.cases.InvalidUrlException;
import kz.gov.dozor.ejb.cases.UrlNormalizer;
import kz.gov.dozor.web.platform.Messages;

/** Checks a resource URL as it is typed, with the same rules the service applies. */
@FacesValidator("dozor.url")
public class UrlValidator implements Validator<String> {

  @Override
  public void validate(FacesContext context, UIComponent component, String value) {
    if (value == null || value.isBlank()) {
      return; // "required" is the form's business
    }
    try {
      UrlNormalizer.normalize(value);
    } catch (InvalidUrlException e) {
      throw new ValidatorException(Messages.error(e));
    }
  }
}
