package com.xiezuo.web;

import com.xiezuo.execution.BatchWork.BatchRefusedException;
import com.xiezuo.execution.BatchWork;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Batch work: leadership signs off several completions at once (批量签批), a unit accepts several tasks (批量签收).
 * All or nothing; the page says what was done, or why nothing was, with the choices kept.
 */
@Controller
public class BatchPageController {

  static final String OWN_COMMENT = "comment-";

  private final BatchWork batch;

  public BatchPageController(BatchWork batch) {
    this.batch = batch;
  }

  @GetMapping("/batch/sign-offs")
  public String signOffs(Authentication user, Model model) {
    return page("signOff", batch.openSignOffs(user.getName()), model);
  }

  @PostMapping("/batch/sign-offs")
  public String signOff(@RequestParam(name = "task", required = false) List<String> tasks,
      @RequestParam(required = false) String comment, @RequestParam Map<String, String> form, Authentication user,
      Model model, HttpServletResponse response, RedirectAttributes redirect) {
    Map<String, String> own = new HashMap<>();
    form.forEach((name, value) -> {
      if (name.startsWith(OWN_COMMENT)) {
        own.put(name.substring(OWN_COMMENT.length()), value);
      }
    });
    try {
      BatchWork.Outcome outcome = batch.signOff(tasks, comment, own, user.getName());
      redirect.addFlashAttribute("done", outcome.done());
      redirect.addFlashAttribute("message", "已签批 " + outcome.done().size() + " 项：");
      return "redirect:/batch/sign-offs";
    } catch (BatchRefusedException e) {
      response.setStatus(e.status().value());
      model.addAttribute("error", e.getMessage());
      model.addAttribute("chosen", tasks == null ? List.of() : tasks);
      model.addAttribute("comment", comment);
      model.addAttribute("own", own);
      return page("signOff", batch.openSignOffs(user.getName()), model);
    }
  }

  @GetMapping("/batch/accept")
  public String acceptances(Authentication user, Model model) {
    return page("accept", batch.openAcceptances(user.getName()), model);
  }

  @PostMapping("/batch/accept")
  public String accept(@RequestParam(name = "task", required = false) List<String> tasks, Authentication user,
      Model model, HttpServletResponse response, RedirectAttributes redirect) {
    try {
      BatchWork.Outcome outcome = batch.accept(tasks, user.getName());
      redirect.addFlashAttribute("done", outcome.done());
      redirect.addFlashAttribute("message", "已签收 " + outcome.done().size() + " 项：");
      return "redirect:/batch/accept";
    } catch (BatchRefusedException e) {
      response.setStatus(e.status().value());
      model.addAttribute("error", e.getMessage());
      model.addAttribute("chosen", tasks == null ? List.of() : tasks);
      return page("accept", batch.openAcceptances(user.getName()), model);
    }
  }

  private static String page(String kind, List<BatchWork.Item> items, Model model) {
    model.addAttribute("kind", kind);
    model.addAttribute("items", items);
    model.addAttribute("max", BatchWork.MAX_ITEMS);
    if (!model.containsAttribute("chosen")) {
      model.addAttribute("chosen", List.of());
    }
    if (!model.containsAttribute("own")) {
      model.addAttribute("own", Map.of());
    }
    return "batch/work";
  }
}
