package com.xiezuo.house;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house's floors, bottom first: a feature may use the features on the floors below it, never one beside or
 * above it, and no two packages depend on each other in a circle. The README's "Project layout" shows the same floors.
 */
class ModuleBoundariesTest {

  static final String ROOT = "com.xiezuo";

  static final List<List<String>> FLOORS = List.of(
      List.of("workflow", "mail"),
      List.of("audit"),
      List.of("directory"),
      List.of("security"),
      List.of("plan"),
      List.of("decomposition"),
      List.of("execution"),
      List.of("reminder"),
      List.of("progress"),
      List.of("supervision"),
      List.of("assessment"),
      List.of("archive"),
      List.of("web", "tasklist", "demo", "home"));

  static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
  }

  @Test
  void noPackageCycles() {
    slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(main);
  }

  @Test
  void featuresUseOnlyTheFloorsBelow() {
    floors(FLOORS).check(main);
  }

  @Test
  void everyClassLivesOnAFloor() {
    String[] packages = Stream.concat(FLOORS.stream().flatMap(List::stream).map(feature -> ROOT + "." + feature + ".."),
        Stream.of(ROOT)).toArray(String[]::new);
    classes().should().resideInAnyPackage(packages)
        .because("a new feature gets its floor in ModuleBoundariesTest.FLOORS (and the README layout)")
        .check(main);
  }

  static LayeredArchitecture floors(List<List<String>> floors) {
    LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
    for (List<String> floor : floors) {
      for (String feature : floor) {
        layers = layers.layer(feature).definedBy(ROOT + "." + feature + "..");
      }
    }
    for (int i = 0; i < floors.size(); i++) {
      List<String> above = new ArrayList<>();
      floors.subList(i + 1, floors.size()).forEach(above::addAll);
      for (String feature : floors.get(i)) {
        layers = above.isEmpty() ? layers.whereLayer(feature).mayNotBeAccessedByAnyLayer()
            : layers.whereLayer(feature).mayOnlyBeAccessedByLayers(above.toArray(String[]::new));
      }
    }
    return layers;
  }
}
