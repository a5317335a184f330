package kz.gov.dozor.web.platform;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import kz.gov.dozor.ejb.platform.Almaty;

/** Shows a stored UTC instant in Kazakhstan's time. */
@FacesConverter("dozor.instant")
public class InstantConverter implements Converter<Instant> {

  private static final DateTimeFormatter PATTERN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
  static final DateTimeFormatter FORMAT = PATTERN.withZone(Almaty.ZONE);

  @Override
  public Instant getAsObject(FacesContext context, UIComponent component, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(value.strip(), PATTERN).atZone(Almaty.ZONE).toInstant();
    } catch (DateTimeParseException e) {
      throw new ConverterException(Messages.error("case.detectedAt.format"), e);
    }
  }

  @Override
  public String getAsString(FacesContext context, UIComponent component, Instant value) {
    return value == null ? "" : FORMAT.format(value);
  }
}
