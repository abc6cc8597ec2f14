package com.xiezuo.house;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every app table has one owning feature, written down in the README's table list; only that feature's code names the
 * table in SQL, every other feature goes through the owner's API.
 */
class TableOwnershipTest {

  static final Path MAIN = Path.of("src/main/java/com/xiezuo");
  static final Pattern TABLE = Pattern.compile("\\bxz_[a-z_]+\\b");
  static final Pattern OWNER_ROW = Pattern.compile("^\\|\\s*`?([a-z]+)`?\\s*\\|(.*)\\|\\s*$");

  @Test
  void everyTableHasExactlyOneOwnerInTheReadme() throws IOException {
    Map<String, String> owners = readmeOwners();
    assertThat(owners.keySet()).as("tables in the README's list").containsExactlyInAnyOrderElementsOf(createdTables());
    owners.forEach((table, feature) -> assertThat(feature).as(table + " has one owner").doesNotContain(","));
  }

  @Test
  void onlyTheOwnerNamesItsTables() throws IOException {
    Map<String, String> owners = readmeOwners();
    List<String> trespasses = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
        String feature = MAIN.relativize(file).getName(0).toString();
        Matcher tables = TABLE.matcher(Files.readString(file));
        while (tables.find()) {
          String owner = owners.get(tables.group());
          if (owner == null || !owner.equals(feature)) {
            trespasses.add(MAIN.relativize(file) + " names " + tables.group() + " (owner: " + owner + ")");
          }
        }
      }
    }
    assertThat(trespasses).as("SQL on another feature's table").isEmpty();
  }

  /** table → feature, from the README's "Tables and their owners" list. */
  static Map<String, String> readmeOwners() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf("### Tables and their owners");
    assertThat(start).as("README section “Tables and their owners”").isNotNegative();
    Map<String, String> owners = new LinkedHashMap<>();
    for (String line : readme.substring(start).split("\n")) {
      if (line.startsWith("## ") || (line.startsWith("### ") && !owners.isEmpty())) {
        break;
      }
      Matcher row = OWNER_ROW.matcher(line);
      if (row.matches()) {
        Matcher tables = TABLE.matcher(row.group(2));
        while (tables.find()) {
          owners.merge(tables.group(), row.group(1), (a, b) -> a + "," + b);
        }
      }
    }
    return owners;
  }

  static TreeSet<String> createdTables() throws IOException {
    TreeSet<String> tables = new TreeSet<>();
    Pattern create = Pattern.compile("(?i)create table (xz_[a-z_]+)");
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
      for (Path file : files.toList()) {
        Matcher matcher = create.matcher(Files.readString(file));
        while (matcher.find()) {
          tables.add(matcher.group(1).toLowerCase());
        }
      }
    }
    return tables;
  }
}
