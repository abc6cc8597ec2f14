package com.xiezuo.web;

import com.xiezuo.directory.Unit;
import com.xiezuo.directory.UnitDirectory;
import com.xiezuo.execution.Evidence;
import com.xiezuo.security.Viewer;
import com.xiezuo.supervision.RectificationPaths;
import com.xiezuo.supervision.RectificationRecords.Rectification;
import com.xiezuo.supervision.RectificationStatus;
import com.xiezuo.supervision.Rectifications;
import com.xiezuo.supervision.SupervisionProblemException;
import com.xiezuo.workflow.CommandRefusedException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Rectification notices: issued from a round's findings by a supervisor; read by the unit they are addressed to
 * (which uploads its evidence here and answers in Tasklist) and by those who oversee; no other unit sees them.
 */
@Controller
public class RectificationPageController {

  private final Rectifications rectifications;
  private final UnitDirectory directory;
  private final TaskService taskService;

  public RectificationPageController(Rectifications rectifications, UnitDirectory directory, TaskService taskService) {
    this.rectifications = rectifications;
    this.directory = directory;
    this.taskService = taskService;
  }

  @GetMapping(RectificationPaths.LIST)
  public String list(Authentication user, Model model) {
    Viewer viewer = Viewer.of(user);
    List<Rectification> shown = viewer.seesEveryUnit() ? rectifications.latest(300)
        : rectifications.ofUnits(viewer.groups().stream().filter(group -> directory.find(group).isPresent()).toList());
    model.addAttribute("rectifications", shown);
    model.addAttribute("unitNames", unitNames());
    return "rectifications/list";
  }

  @GetMapping(RectificationPaths.LIST + "/{id}")
  public String show(@PathVariable long id, Authentication user, Model model) {
    Rectification rectification = visible(id, user);
    model.addAttribute("view", rectifications.view(rectification));
    model.addAttribute("canUpload", Viewer.of(user).memberOf(rectification.unitId())
        && (rectification.status() == RectificationStatus.ISSUED || rectification.status() == RectificationStatus.RETURNED));
    model.addAttribute("openTask", rectification.processInstanceId() == null ? null
        : taskService.createTaskQuery().processInstanceId(rectification.processInstanceId()).list().stream().findFirst()
            .orElse(null));
    return "rectifications/show";
  }

  @PostMapping(RectificationPaths.LIST + "/{id}/evidence")
  public String upload(@PathVariable long id, @RequestParam("file") MultipartFile file,
      @RequestParam(required = false) String description, Authentication user, Model model,
      HttpServletResponse response, RedirectAttributes redirect) throws IOException {
    Rectification rectification = visible(id, user);
    if (!Viewer.of(user).memberOf(rectification.unitId())) {
      throw new CommandRefusedException("只有整改单位可以上传整改佐证材料");
    }
    List<String> problems;
    try {
      rectifications.attachEvidence(id, file.getOriginalFilename(), file.getBytes(), description, user.getName());
      redirect.addFlashAttribute("notice", "佐证材料“" + file.getOriginalFilename() + "”已上传；请到任务中心报送整改情况。");
      return "redirect:" + RectificationPaths.page(id);
    } catch (SupervisionProblemException e) {
      problems = e.problems();
    } catch (Evidence.EvidenceRefusedException e) {
      problems = List.of(e.getMessage());
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    model.addAttribute("problems", problems);
    return show(id, user, model);
  }

  /** The unit it is addressed to and those who oversee see a notice; to anyone else it does not exist. */
  private Rectification visible(long id, Authentication user) {
    Viewer viewer = Viewer.of(user);
    return rectifications.findOptional(id)
        .filter(rectification -> viewer.seesEveryUnit() || viewer.memberOf(rectification.unitId()))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为 " + id + " 的整改通知，或您无权查看"));
  }

  private Map<String, String> unitNames() {
    return directory.findAll().stream().collect(Collectors.toMap(Unit::id, Unit::name));
  }
}
