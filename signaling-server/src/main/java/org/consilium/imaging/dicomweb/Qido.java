package org.consilium.imaging.dicomweb;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.consilium.dicom.DicomInstance;
import org.consilium.http.ApiException;
import org.consilium.http.FieldError;
import org.consilium.imaging.StoredInstance;
import org.consilium.imaging.dicomweb.Attr.Level;

/**
 * A QIDO-RS query over one patient's instances (PS3.18 10.6): attribute matching by keyword or tag (single
 * value, UID lists, '*' and '?' wildcards, date ranges, fuzzy person names), {@code limit}/{@code offset},
 * and the answer in the DICOM JSON model. Person names match without regard to case or Vietnamese diacritics.
 */
final class Qido {

  private static final Set<String> CONTROL = Set.of("limit", "offset", "fuzzymatching", "includefield");
  private static final int MAX_LIMIT = 1000;

  private final Level level;
  private final Map<Attr, String> match = new EnumMap<>(Attr.class);
  private final boolean fuzzy;
  private final int limit;
  private final int offset;

  private Qido(Level level, MultiMap params) {
    this.level = level;
    List<FieldError> errors = new ArrayList<>();
    for (String key : params.names()) {
      if (CONTROL.contains(key)) continue;
      Attr a = Attr.byKey(key).orElse(null);
      if (a == null) errors.add(new FieldError("/" + key, "is not a matching key Consilium supports"));
      else if (a.level.ordinal() > level.ordinal()) errors.add(new FieldError("/" + key, "is not a " + level.name().toLowerCase() + "-level key"));
      else match.put(a, params.get(key));
    }
    this.fuzzy = "true".equalsIgnoreCase(params.get("fuzzymatching"));
    this.limit = number(params, "limit", 1, MAX_LIMIT, MAX_LIMIT, errors);
    this.offset = number(params, "offset", 0, Integer.MAX_VALUE, 0, errors);
    if (!errors.isEmpty()) throw ApiException.invalid(errors);
  }

  static Qido parse(Level level, MultiMap params) {
    return new Qido(level, params);
  }

  /** The matching studies, series or instances as a DICOM JSON array; {@code baseUrl} is the DICOMweb root. */
  JsonArray answer(List<StoredInstance> instances, String baseUrl) {
    Function<DicomInstance, String> key = switch (level) {
      case STUDY -> DicomInstance::studyInstanceUid;
      case SERIES -> DicomInstance::seriesInstanceUid;
      case INSTANCE -> DicomInstance::sopInstanceUid;
    };
    Map<String, List<DicomInstance>> groups = new LinkedHashMap<>();
    for (StoredInstance s : instances) groups.computeIfAbsent(key.apply(s.dicom()), k -> new ArrayList<>()).add(s.dicom());
    Map<String, Set<String>> modalities = new LinkedHashMap<>();
    for (StoredInstance s : instances) {
      modalities.computeIfAbsent(s.dicom().studyInstanceUid(), k -> new TreeSet<>()).add(s.dicom().modality());
    }
    JsonArray out = new JsonArray();
    int skipped = 0;
    for (List<DicomInstance> group : groups.values()) {
      DicomInstance first = group.get(0);
      Set<String> studyModalities = modalities.get(first.studyInstanceUid());
      if (!matches(first, studyModalities)) continue;
      if (skipped++ < offset) continue;
      if (out.size() >= limit) break;
      out.add(render(first, group, studyModalities, instances, baseUrl));
    }
    return out;
  }

  private boolean matches(DicomInstance i, Set<String> studyModalities) {
    for (Map.Entry<Attr, String> m : match.entrySet()) {
      Attr a = m.getKey();
      String wanted = m.getValue();
      if (wanted.isEmpty()) continue;
      boolean ok = a == Attr.MODALITIES_IN_STUDY ? anyOf(wanted).stream().anyMatch(studyModalities::contains)
          : valueMatches(a, a.value.apply(i), wanted);
      if (!ok) return false;
    }
    return true;
  }

  private boolean valueMatches(Attr a, String actual, String wanted) {
    switch (a.vr) {
      case "UI":
        return anyOf(wanted).contains(actual);
      case "DA":
      case "TM":
        return rangeMatches(actual, wanted);
      case "PN":
        return nameMatches(actual, wanted);
      default:
        return anyOf(wanted).stream().anyMatch(w -> wildcard(w, false).matcher(actual).matches());
    }
  }

  private static List<String> anyOf(String wanted) {
    return List.of(wanted.split("[,\\\\]"));
  }

  private static boolean rangeMatches(String actual, String wanted) {
    int dash = wanted.indexOf('-');
    if (dash < 0) return actual.equals(wanted);
    if (actual.isEmpty()) return false;
    String low = wanted.substring(0, dash);
    String high = wanted.substring(dash + 1);
    return (low.isEmpty() || actual.compareTo(low) >= 0) && (high.isEmpty() || actual.compareTo(pad(high)) <= 0);
  }

  /** "20040826" as the end of a range includes every time of that day. */
  private static String pad(String high) {
    return high + "~";
  }

  private boolean nameMatches(String actual, String wanted) {
    String name = fold(actual.replace('^', ' ').replace('=', ' '));
    String query = fold(wanted.replace('^', ' '));
    if (fuzzy) {
      // every word of the query starts some word of the name: "nguy an" finds "NGUYEN^VAN AN"
      String[] words = name.split("\\s+");
      for (String q : query.trim().split("\\s+")) {
        if (q.isEmpty()) continue;
        Pattern p = wildcard(q.endsWith("*") ? q : q + "*", true);
        boolean found = false;
        for (String w : words) found |= p.matcher(w).matches();
        if (!found) return false;
      }
      return true;
    }
    return wildcard(query.trim(), true).matcher(name.trim()).matches();
  }

  private static String fold(String s) {
    return Normalizer.normalize(s.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
        .toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
  }

  private static Pattern wildcard(String w, boolean ignoreCase) {
    StringBuilder re = new StringBuilder();
    for (char c : w.toCharArray()) {
      if (c == '*') re.append(".*");
      else if (c == '?') re.append('.');
      else re.append(Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(re.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
  }

  private JsonObject render(DicomInstance first, List<DicomInstance> group, Set<String> studyModalities,
                            List<StoredInstance> all, String baseUrl) {
    JsonObject o = new JsonObject();
    for (Attr a : Attr.values()) {
      if (a.level.ordinal() > level.ordinal()) continue;
      if (a == Attr.MODALITIES_IN_STUDY) {
        if (level == Level.STUDY) DicomJsonValues.put(o, a.tag, a.vr, new ArrayList<>(studyModalities));
      } else {
        String v = a.value.apply(first);
        DicomJsonValues.put(o, a.tag, a.vr, v.isEmpty() ? List.of() : List.of(v));
      }
    }
    String studyUrl = baseUrl + "/studies/" + first.studyInstanceUid();
    switch (level) {
      case STUDY -> {
        long series = group.stream().map(DicomInstance::seriesInstanceUid).distinct().count();
        DicomJsonValues.put(o, "00201206", "IS", List.of(Long.toString(series)));
        DicomJsonValues.put(o, "00201208", "IS", List.of(Integer.toString(group.size())));
        DicomJsonValues.put(o, "00081190", "UR", List.of(studyUrl));
      }
      case SERIES -> {
        DicomJsonValues.put(o, "00201209", "IS", List.of(Integer.toString(group.size())));
        DicomJsonValues.put(o, "00081190", "UR", List.of(studyUrl + "/series/" + first.seriesInstanceUid()));
      }
      case INSTANCE -> DicomJsonValues.put(o, "00081190", "UR",
          List.of(studyUrl + "/series/" + first.seriesInstanceUid() + "/instances/" + first.sopInstanceUid()));
    }
    return o;
  }

  private static int number(MultiMap params, String name, int min, int max, int fallback, List<FieldError> errors) {
    String s = params.get(name);
    if (s == null) return fallback;
    try {
      int n = Integer.parseInt(s);
      if (n >= min && n <= max) return n;
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add(new FieldError("/" + name, "must be a whole number from " + min + " to " + max));
    return fallback;
  }
}
