package com.xiezuo.web;

import com.xiezuo.directory.DirectoryEditor.UnitForm;
import com.xiezuo.directory.DirectoryEditor;
import com.xiezuo.directory.DirectoryProblemException;
import com.xiezuo.directory.DirectoryWorkbook;
import com.xiezuo.directory.Unit;
import com.xiezuo.directory.UnitDirectory;
import com.xiezuo.directory.UnitKind;
import com.xiezuo.security.UnitStaffAccounts;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The unit directory kept in the app by coordinators (the page chain lets only coordinators and administrators in):
 * units, their aliases, kind, county and contact mails, group tokens, staff accounts, a spreadsheet import, and the
 * log of every change. A refused change comes back with every problem and with what was typed.
 */
@Controller
public class DirectoryPageController {

  private final UnitDirectory directory;
  private final DirectoryEditor editor;
  private final UnitStaffAccounts staff;

  public DirectoryPageController(UnitDirectory directory, DirectoryEditor editor, UnitStaffAccounts staff) {
    this.directory = directory;
    this.editor = editor;
    this.staff = staff;
  }

  /** A group token with its members' names. */
  public record GroupView(String token, String description, List<String> memberNames) {}

  @GetMapping("/directory")
  public String list(Model model) {
    List<Unit> units = directory.findAll();
    Map<String, String> names = units.stream().collect(Collectors.toMap(Unit::id, Unit::name));
    model.addAttribute("units", units);
    model.addAttribute("groups", directory.groups().stream().map(group -> new GroupView(group.token(),
        group.description(), group.memberIds().stream().map(id -> names.getOrDefault(id, id)).toList())).toList());
    model.addAttribute("changes", directory.changes(null, 50));
    model.addAttribute("kinds", UnitKind.values());
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", Map.of());
    }
    return "directory/list";
  }

  @PostMapping(path = "/directory/units", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  public String add(@RequestParam Map<String, String> fields, Authentication user, Model model, HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      Unit unit = editor.add(form(fields.get("id"), fields), user.getName());
      redirect.addFlashAttribute("notice", "单位已新增。该单位可在任务中心办理任务；请为其添加经办人账号。");
      return "redirect:/directory/units/" + unit.id();
    } catch (DirectoryProblemException e) {
      model.addAttribute("problems", e.problems());
      model.addAttribute("form", fields);
      return refused(response, list(model));
    }
  }

  /** One click from the plan review: a printed name becomes a new unit. */
  @PostMapping(path = "/directory/units", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  public ResponseEntity<Map<String, Object>> addJson(@RequestBody Map<String, Object> fields, Authentication user) {
    try {
      Unit unit = editor.add(new UnitForm(text(fields.get("id")), text(fields.get("name")), kind(text(fields.get("kind"))),
          text(fields.get("partnerCounty")), UnitForm.split(text(fields.get("aliases"))),
          UnitForm.split(text(fields.get("emails")))), user.getName());
      return ResponseEntity.ok(Map.of("id", unit.id(), "name", unit.name(), "aliases", unit.aliases()));
    } catch (DirectoryProblemException e) {
      return ResponseEntity.badRequest().body(Map.of("problems", e.problems()));
    }
  }

  /** Close matches for a printed name, for a name typed on the plan review. */
  @GetMapping(path = "/directory/suggest", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  public List<String> suggest(@RequestParam String name) {
    return directory.snapshot().resolve(name.length() > 200 ? name.substring(0, 200) : name).suggestions();
  }

  @GetMapping("/directory/units/{id}")
  public String unit(@PathVariable String id, Model model) {
    Unit unit = existing(id);
    model.addAttribute("unit", unit);
    model.addAttribute("kinds", UnitKind.values());
    model.addAttribute("staff", staff.staff(id));
    model.addAttribute("changes", directory.changes(id, 100));
    if (!model.containsAttribute("staffForm")) {
      model.addAttribute("staffForm", Map.of());
    }
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", Map.of("name", unit.name(), "kind", unit.kind().name(),
          "partnerCounty", unit.partnerCounty() == null ? "" : unit.partnerCounty(),
          "aliases", String.join("；", unit.aliases()), "emails", String.join("；", unit.emails())));
    }
    return "directory/unit";
  }

  @PostMapping("/directory/units/{id}")
  public String update(@PathVariable String id, @RequestParam Map<String, String> fields, Authentication user,
      Model model, HttpServletResponse response, RedirectAttributes redirect) {
    try {
      editor.update(id, form(id, fields), user.getName());
      redirect.addFlashAttribute("notice", "已保存。");
      return "redirect:/directory/units/" + id;
    } catch (DirectoryProblemException e) {
      model.addAttribute("problems", e.problems());
      model.addAttribute("form", fields);
      return refused(response, unit(id, model));
    }
  }

  @PostMapping("/directory/units/{id}/retire")
  public String retire(@PathVariable String id, @RequestParam(defaultValue = "true") boolean retired,
      Authentication user, RedirectAttributes redirect) {
    existing(id);
    editor.retire(id, retired, user.getName());
    redirect.addFlashAttribute("notice", retired ? "已停用：新计划中不再识别该单位，已有计划和任务不受影响。" : "已恢复启用。");
    return "redirect:/directory/units/" + id;
  }

  @PostMapping("/directory/units/{id}/staff")
  public String addStaff(@PathVariable String id, @RequestParam Map<String, String> fields, Authentication user,
      Model model, HttpServletResponse response, RedirectAttributes redirect) {
    existing(id);
    try {
      staff.add(id, new UnitStaffAccounts.NewAccount(fields.get("userId"), fields.get("userName"), fields.get("email"),
          fields.get("password")), user.getName());
      redirect.addFlashAttribute("notice", "经办人账号已新增。");
      return "redirect:/directory/units/" + id;
    } catch (DirectoryProblemException e) {
      model.addAttribute("staffProblems", e.problems());
      model.addAttribute("staffForm", fields);
      return refused(response, unit(id, model));
    }
  }

  @PostMapping("/directory/units/{id}/staff/{userId}/remove")
  public String removeStaff(@PathVariable String id, @PathVariable String userId, Authentication user,
      RedirectAttributes redirect) {
    existing(id);
    staff.remove(id, userId, user.getName());
    redirect.addFlashAttribute("notice", "经办人已移出本单位。");
    return "redirect:/directory/units/" + id;
  }

  @PostMapping("/directory/groups")
  public String saveGroup(@RequestParam String token, @RequestParam(required = false) String description,
      @RequestParam(name = "members", required = false) List<String> members, Authentication user, Model model,
      HttpServletResponse response, RedirectAttributes redirect) {
    try {
      editor.saveGroup(token, description, members, user.getName());
      redirect.addFlashAttribute("notice", "统称已保存。");
      return "redirect:/directory";
    } catch (DirectoryProblemException e) {
      model.addAttribute("groupProblems", e.problems());
      return refused(response, list(model));
    }
  }

  @PostMapping("/directory/import")
  public String importWorkbook(@RequestParam(name = "file", required = false) MultipartFile file, Authentication user,
      Model model, HttpServletResponse response) throws IOException {
    if (file == null || file.isEmpty()) {
      model.addAttribute("importProblems", List.of("请选择要导入的 .xlsx 文件"));
      return refused(response, list(model));
    }
    try {
      var result = editor.importRows(DirectoryWorkbook.read(file.getInputStream()), user.getName());
      model.addAttribute("imported", "已导入 " + file.getOriginalFilename() + "：新增 " + result.added() + " 个单位，修改 "
          + result.updated() + " 个" + (result.groups().isEmpty() ? "" : "，统称 " + String.join("、", result.groups())));
      return list(model);
    } catch (DirectoryProblemException e) {
      model.addAttribute("importProblems", e.problems());
      return refused(response, list(model));
    }
  }

  @GetMapping("/directory/template.xlsx")
  public ResponseEntity<byte[]> template() {
    return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"directory-template.xlsx\"; filename*=UTF-8''%E5%8D%95%E4%BD%8D%E5%90%8D%E5%BD%95%E6%A8%A1%E6%9D%BF.xlsx")
        .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .body(DirectoryWorkbook.template());
  }

  private Unit existing(String id) {
    return directory.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
        "单位名录中没有编码为“" + id + "”的单位"));
  }

  /** A refused form answers 400 with the page, so the problems and the typed values show. */
  private static String refused(HttpServletResponse response, String view) {
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    return view;
  }

  /** A unit or account that is not there (an old link, a typed address). */
  @ExceptionHandler(DirectoryProblemException.class)
  public ModelAndView problem(DirectoryProblemException e) {
    ModelAndView page = new ModelAndView("error", HttpStatus.BAD_REQUEST);
    page.addObject("status", 400);
    page.addObject("message", String.join("；", e.problems()));
    return page;
  }

  private static UnitForm form(String id, Map<String, String> fields) {
    return new UnitForm(id, fields.get("name"), kind(fields.get("kind")), fields.get("partnerCounty"),
        UnitForm.split(fields.get("aliases")), UnitForm.split(fields.get("emails")));
  }

  private static UnitKind kind(String name) {
    return name == null ? null : Arrays.stream(UnitKind.values()).filter(kind -> kind.name().equals(name)).findFirst()
        .orElse(null);
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
