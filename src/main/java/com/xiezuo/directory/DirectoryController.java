package com.xiezuo.directory;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The unit directory over the API (any logged-in user may read it: it is the city's organisation list). */
@RestController
@RequestMapping("/api/units")
public class DirectoryController {

  private final UnitDirectory directory;

  public DirectoryController(UnitDirectory directory) {
    this.directory = directory;
  }

  @GetMapping
  public DirectoryView list() {
    return new DirectoryView(directory.findAll(), directory.groups());
  }

  public record DirectoryView(List<Unit> units, List<UnitGroup> groups) {}
}
