package com.xiezuo.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The parsed-plan contract, {@code schema/parsed-plan.schema.json}: what a plan JSON may and must hold. */
public final class ParsedPlanSchema {

  private static final JsonSchema SCHEMA = load();

  private ParsedPlanSchema() {}

  private static JsonSchema load() {
    try (InputStream schema = ParsedPlanSchema.class.getResourceAsStream("/schema/parsed-plan.schema.json")) {
      SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema, config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The contract's complaints about a plan, one line each; empty when it fits. */
  public static List<String> problems(JsonNode plan) {
    return SCHEMA.validate(plan).stream().map(ValidationMessage::getMessage).sorted().toList();
  }
}
