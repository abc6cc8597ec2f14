package com.xiezuo.directory;

import com.xiezuo.workflow.StartupOrder;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Fills an empty unit directory from the seed file; a directory that has units is left as it is. */
@Component
@Order(StartupOrder.DIRECTORY)
public class DirectorySetup implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DirectorySetup.class);

  private final UnitDirectory directory;
  private final Resource seed;

  public DirectorySetup(UnitDirectory directory, @Value("${xiezuo.directory.seed}") Resource seed) {
    this.directory = directory;
    this.seed = seed;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) throws IOException {
    if (!directory.isEmpty()) {
      return;
    }
    DirectorySeedFile file;
    try (InputStream in = seed.getInputStream()) {
      file = DirectorySeedFile.read(in, seed.getDescription());
    }
    file.toUnits().forEach(directory::save);
    file.toGroups().forEach(directory::saveGroup);
    LOG.info("Unit directory seeded from {}: {} units, {} group tokens", seed.getDescription(),
        file.units().size(), file.toGroups().size());
  }
}
