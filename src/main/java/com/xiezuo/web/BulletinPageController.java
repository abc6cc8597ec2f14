package com.xiezuo.web;

import com.xiezuo.security.Viewer;
import com.xiezuo.supervision.SupervisionProblemException;
import com.xiezuo.supervision.bulletin.Bulletin;
import com.xiezuo.supervision.bulletin.BulletinDocx;
import com.xiezuo.supervision.bulletin.BulletinFigures.UnitFigures;
import com.xiezuo.supervision.bulletin.BulletinRecords.Text;
import com.xiezuo.supervision.bulletin.BulletinTables;
import com.xiezuo.supervision.bulletin.BulletinWorkbook;
import com.xiezuo.supervision.bulletin.Bulletins;
import com.xiezuo.supervision.bulletin.MentionKind;
import com.xiezuo.workflow.ElementIds;
import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Bulletins: the list and the printable page with its Word and Excel downloads (published ones for everybody, since
 * a 通报 goes to every unit; drafts only for those who oversee), and the round's bulletin editor for supervisors.
 */
@Controller
public class BulletinPageController {

  private final Bulletins bulletins;
  private final TaskService taskService;

  public BulletinPageController(Bulletins bulletins, TaskService taskService) {
    this.bulletins = bulletins;
    this.taskService = taskService;
  }

  @GetMapping("/bulletins")
  public String list(Authentication user, Model model) {
    model.addAttribute("published", bulletins.published(300));
    model.addAttribute("inProgress", Viewer.of(user).seesEveryUnit()
        ? bulletins.latest(300).stream().filter(bulletin -> !bulletin.isPublished()).toList() : List.of());
    return "bulletins/list";
  }

  @GetMapping("/bulletins/{id}")
  public String show(@PathVariable long id, Authentication user, Model model) {
    Bulletin bulletin = readable(id, user);
    model.addAttribute("bulletin", bulletin);
    model.addAttribute("unitRows", BulletinTables.unitRows(bulletin.figures()));
    model.addAttribute("seesHistory", Viewer.of(user).seesEveryUnit());
    model.addAttribute("signTask", Viewer.of(user).leadership() ? openTask(bulletin, ElementIds.SupervisionRound
        .SIGN_BULLETIN) : null);
    return "bulletins/show";
  }

  @GetMapping("/bulletins/{id}/docx")
  public ResponseEntity<byte[]> docx(@PathVariable long id, Authentication user) {
    Bulletin bulletin = readable(id, user);
    return Downloads.of(BulletinDocx.write(bulletin), Downloads.DOCX, fileName(bulletin, "docx"));
  }

  @GetMapping("/bulletins/{id}/xlsx")
  public ResponseEntity<byte[]> xlsx(@PathVariable long id, Authentication user) {
    Bulletin bulletin = readable(id, user);
    return Downloads.of(BulletinWorkbook.write(bulletin), Downloads.XLSX, fileName(bulletin, "xlsx"));
  }

  @GetMapping("/supervision/rounds/{roundId}/bulletin")
  public String editor(@PathVariable long roundId, Authentication user, Model model) {
    Bulletin bulletin = ofRound(roundId);
    model.addAttribute("bulletin", bulletin);
    model.addAttribute("canEdit", Viewer.of(user).supervisor() && bulletin.status().isEditable());
    Map<MentionKind, List<Map.Entry<UnitFigures, String>>> suggestions = new EnumMap<>(MentionKind.class);
    for (MentionKind kind : MentionKind.values()) {
      suggestions.put(kind, Bulletins.suggestions(bulletin, kind));
    }
    model.addAttribute("suggestions", suggestions);
    model.addAttribute("kinds", MentionKind.values());
    model.addAttribute("editTask", openTask(bulletin, ElementIds.SupervisionRound.EDIT_BULLETIN));
    if (!model.containsAttribute("text")) {
      model.addAttribute("text", bulletin.stored().text());
    }
    return "supervision/bulletin";
  }

  @PostMapping("/supervision/rounds/{roundId}/bulletin")
  public String save(@PathVariable long roundId, @RequestParam(required = false) String title,
      @RequestParam(required = false) String recipients, @RequestParam(required = false) String body,
      @RequestParam(required = false) String requirements, @RequestParam(required = false) String issuer,
      Authentication user, Model model, HttpServletResponse response, RedirectAttributes redirect) {
    Text typed = new Text(title, recipients, body, requirements, issuer);
    return attempt(roundId, () -> {
      bulletins.edit(ofRound(roundId).id(), typed, user.getName());
      return "通报已保存。";
    }, typed, user, model, response, redirect);
  }

  @PostMapping("/supervision/rounds/{roundId}/bulletin/mentions")
  public String mention(@PathVariable long roundId, @RequestParam(required = false) String unitId,
      @RequestParam(required = false) String kind, @RequestParam(required = false) String facts, Authentication user,
      Model model, HttpServletResponse response, RedirectAttributes redirect) {
    return attempt(roundId, () -> {
      MentionKind chosen = parseKind(kind);
      bulletins.mention(ofRound(roundId).id(), unitId, chosen, facts, user.getName());
      return "已列入" + chosen.label() + "。";
    }, null, user, model, response, redirect);
  }

  @PostMapping("/supervision/rounds/{roundId}/bulletin/mentions/{mentionId}/delete")
  public String removeMention(@PathVariable long roundId, @PathVariable long mentionId, Authentication user,
      Model model, HttpServletResponse response, RedirectAttributes redirect) {
    return attempt(roundId, () -> {
      bulletins.removeMention(ofRound(roundId).id(), mentionId);
      return "已移出通报。";
    }, null, user, model, response, redirect);
  }

  @PostMapping("/supervision/rounds/{roundId}/bulletin/refresh")
  public String refresh(@PathVariable long roundId, Authentication user, Model model, HttpServletResponse response,
      RedirectAttributes redirect) {
    return attempt(roundId, () -> {
      bulletins.refresh(ofRound(roundId).id(), user.getName());
      return "已按最新记录重算各单位数据。";
    }, null, user, model, response, redirect);
  }

  private String attempt(long roundId, Supplier<String> action, Text typed, Authentication user, Model model,
      HttpServletResponse response, RedirectAttributes redirect) {
    try {
      redirect.addFlashAttribute("notice", action.get());
      return "redirect:/supervision/rounds/" + roundId + "/bulletin";
    } catch (SupervisionProblemException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("problems", e.problems());
      if (typed != null) {
        model.addAttribute("text", typed);
      }
      return editor(roundId, user, model);
    }
  }

  private static MentionKind parseKind(String typed) {
    for (MentionKind kind : MentionKind.values()) {
      if (kind.name().equals(typed)) {
        return kind;
      }
    }
    throw new SupervisionProblemException("请选择通报表扬或通报批评");
  }

  /** A published bulletin is read by everybody; one not yet published only by those who oversee. */
  private Bulletin readable(long id, Authentication user) {
    return bulletins.find(id).filter(bulletin -> bulletin.isPublished() || Viewer.of(user).seesEveryUnit())
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为 " + id + " 的已发布通报"));
  }

  private Bulletin ofRound(long roundId) {
    return bulletins.ofRound(roundId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
        "第 " + roundId + " 号督查轮次还没有通报：轮次的“核查督查发现”办结后由系统起草"));
  }

  private Task openTask(Bulletin bulletin, String key) {
    String instance = bulletin.round().processInstanceId();
    return instance == null ? null : taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key)
        .list().stream().findFirst().orElse(null);
  }

  /** 督查通报第2期（第3轮例行督查）.docx; a draft says so. */
  private static String fileName(Bulletin bulletin, String extension) {
    String issue = bulletin.stored().issueNumber() == null ? "督查通报草稿"
        : "督查通报第" + bulletin.stored().issueNumber() + "期";
    return issue + "（第" + bulletin.round().number() + "轮" + bulletin.round().kind().label() + "）." + extension;
  }

}
