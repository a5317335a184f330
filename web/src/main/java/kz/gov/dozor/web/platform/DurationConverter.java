package kz.gov.dozor.web.platform;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.FacesConverter;
import java.time.Duration;

/** Shows how long something took, in days, hours and minutes. */
@FacesConverter("dozor.duration")
public class DurationConverter implements Converter<Duration> {

  @Override
  public Duration getAsObject(FacesContext context, UIComponent component, String value) {
    // Durations are shown, never entered; an ISO-8601 text is all we read back.
    return value == null || value.isBlank() ? null : Duration.parse(value.strip());
  }

  @Override
  public String getAsString(FacesContext context, UIComponent component, Duration value) {
    if (value == null) {
      return "";
    }
    return Messages.text(
        "duration.format", value.toDays(), value.toHoursPart(), value.toMinutesPart());
  }
}
