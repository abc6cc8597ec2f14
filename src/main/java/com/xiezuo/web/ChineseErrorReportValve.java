package com.xiezuo.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * What Tomcat answers itself, before Spring sees the request (an over-long address or header, a malformed request):
 * a short Chinese page instead of Tomcat's English one, with no server details.
 */
public class ChineseErrorReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    String message = switch (status) {
      case 400 -> "请求无法处理：地址或请求头过长，或格式不正确。请缩短后重试。";
      case 413 -> "上传内容过大，请压缩或拆分后再上传。";
      default -> "请求未能完成（" + status + "）。";
    };
    try {
      response.setContentType("text/html");
      response.setCharacterEncoding("UTF-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>出错了 · 协作</title></head>"
            + "<body><h1>出错了</h1><p>" + message + "</p><p><a href=\"/\">返回首页</a></p></body></html>");
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the client is gone or the response was committed meanwhile: nothing more to tell it
    }
  }

  /** Puts the valve on the embedded Tomcat's host. */
  @Component
  static class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
      factory.addContextCustomizers(context -> {
        if (context.getParent() instanceof StandardHost host) {
          host.setErrorReportValveClass(ChineseErrorReportValve.class.getName());
        }
      });
    }
  }
}
