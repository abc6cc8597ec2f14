package com.xiezuo.directory;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The readable file a directory is seeded from (see resources/directory/zhuhai.yml). */
public record DirectorySeedFile(String city, String partnerRegion, String defaultEmailDomain, List<Entry> units,
    List<GroupEntry> groups) {

  /** Camunda's default whitelist for user and group ids. */
  private static final Pattern ID_PATTERN = Pattern.compile("[a-zA-Z0-9]+");

  public record Entry(String id, String name, UnitKind kind, String partnerCounty, List<String> emails,
      List<String> aliases) {}

  public record GroupEntry(String token, String description, List<String> members) {}

  public static DirectorySeedFile read(InputStream in, String source) throws IOException {
    var mapper = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    DirectorySeedFile file = mapper.readValue(in, DirectorySeedFile.class);
    file.validate(source);
    return file;
  }

  public List<Unit> toUnits() {
    return units.stream().map(entry -> new Unit(entry.id(), entry.name(), entry.kind(), entry.partnerCounty(),
        entry.emails() == null || entry.emails().isEmpty()
            ? List.of(entry.id() + "@" + defaultEmailDomain) : entry.emails(),
        entry.aliases())).toList();
  }

  public List<UnitGroup> toGroups() {
    return groups == null ? List.of()
        : groups.stream().map(group -> new UnitGroup(group.token(), group.description(), group.members())).toList();
  }

  private void validate(String source) {
    List<String> errors = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    Set<String> names = new HashSet<>();
    if (units == null || units.isEmpty()) {
      errors.add("no units");
    } else {
      for (int i = 0; i < units.size(); i++) {
        Entry unit = units.get(i);
        String where = "unit #" + (i + 1) + " (" + unit.name() + ")";
        if (unit.id() == null || !ID_PATTERN.matcher(unit.id()).matches()) {
          errors.add(where + ": id '" + unit.id() + "' must be letters and digits only");
        } else if (!ids.add(unit.id())) {
          errors.add(where + ": id '" + unit.id() + "' is used twice");
        }
        if (unit.name() == null || unit.name().isBlank()) {
          errors.add(where + ": name is missing");
        }
        if (unit.kind() == null) {
          errors.add(where + ": kind is missing");
        }
        names.add(unit.name());
        if (unit.aliases() != null) {
          unit.aliases().stream().filter(alias -> !names.add(alias))
              .forEach(alias -> errors.add(where + ": alias '" + alias + "' is already the name or alias of another unit"));
        }
      }
    }
    if (groups != null) {
      for (GroupEntry group : groups) {
        group.members().stream().filter(member -> !ids.contains(member))
            .forEach(member -> errors.add("group '" + group.token() + "': unknown member id '" + member + "'"));
      }
    }
    if (defaultEmailDomain == null && units != null
        && units.stream().anyMatch(unit -> unit.emails() == null || unit.emails().isEmpty())) {
      errors.add("units without 'emails' need 'defaultEmailDomain'");
    }
    if (!errors.isEmpty()) {
      throw new IllegalStateException("Unit directory seed " + source + " is invalid:\n  " + String.join("\n  ", errors));
    }
  }
}
