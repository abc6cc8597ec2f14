package com.xiezuo.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/** Serialises data into a page's {@code <script type="application/json">}, safe against a closing tag inside. */
@Component("jsonForPage")
public class JsonForPage {

  private final ObjectMapper json;

  public JsonForPage(ObjectMapper json) {
    this.json = json;
  }

  public String write(Object value) throws JsonProcessingException {
    return json.writeValueAsString(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
  }
}
