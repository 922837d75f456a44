package org.consilium.consultations;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;

/**
 * Renders a user's sessions as an RFC 5545 calendar (ical4j, the only class that uses it). Events carry no
 * patient data: a calendar app syncs them to phones and third-party servers. A cancelled session stays as a
 * STATUS:CANCELLED event so subscribed calendars drop it; SEQUENCE follows the session's version.
 */
final class IcsCalendar {

  private IcsCalendar() {
  }

  static String render(List<Session> sessions, URI publicUrl) {
    Calendar cal = new Calendar().withProdId("-//Consilium//Hoi chan tu xa//VI").withDefaults().getFluentTarget();
    Instant stamp = Instant.ofEpochSecond(Instant.now().getEpochSecond());
    for (Session s : sessions) {
      int cases = s.requestIds().size();
      String summary = (s.emergency() ? "Hội chẩn cấp cứu" : "Hội chẩn") + " (" + cases + (cases == 1 ? " ca)" : " ca)");
      VEvent event = new VEvent(s.start(), s.end(), summary);
      event.add(new Uid(s.id() + "@consilium"));
      event.add(new DtStamp(stamp));
      event.add(new Sequence((int) Math.min(Integer.MAX_VALUE, s.version())));
      event.add(new Status(s.status() == SessionStatus.CANCELLED ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
      if (s.place() != null) event.add(new Location(s.place()));
      event.add(new Url(publicUrl.resolve("/sessions/" + s.id())));
      cal.add(event);
    }
    StringWriter out = new StringWriter();
    try {
      new CalendarOutputter(false).output(cal, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
