package com.xiezuo.security;

import com.xiezuo.directory.DirectoryProblemException;
import com.xiezuo.directory.Unit;
import com.xiezuo.directory.UnitDirectory;
import com.xiezuo.workflow.AsSystem;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/**
 * The staff accounts (经办人) of a unit, kept by coordinators: a new login in the unit's group, or a login taken out
 * of it (the account stays, its other groups too). The engine's password policy applies; every change is recorded
 * in the directory's log with who and when. The caller's right to do this is the page's check (coordinators only).
 */
@Service
public class UnitStaffAccounts {

  private static final Pattern ID = Pattern.compile("[a-zA-Z0-9]{2,64}");
  private static final Pattern MAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  /** A new account as entered. */
  public record NewAccount(String userId, String name, String email, String password) {}

  private final IdentityService identityService;
  private final UnitDirectory directory;
  private final AsSystem asSystem;

  public UnitStaffAccounts(IdentityService identityService, UnitDirectory directory, AsSystem asSystem) {
    this.identityService = identityService;
    this.directory = directory;
    this.asSystem = asSystem;
  }

  public List<User> staff(String unitId) {
    return asSystem.call(() -> identityService.createUserQuery().memberOfGroup(unitId).orderByUserId().asc().list());
  }

  public void add(String unitId, NewAccount account, String by) {
    Unit unit = unit(unitId);
    String id = account.userId() == null ? "" : account.userId().trim();
    String name = account.name() == null ? "" : account.name().trim();
    String email = account.email() == null ? "" : account.email().trim();
    List<String> problems = new ArrayList<>();
    if (!ID.matcher(id).matches()) {
      problems.add("登录名“" + id + "”无效：只能用英文字母和数字，2–64 位");
    } else if (asSystem.call(() -> identityService.createUserQuery().userId(id).count()) > 0
        || asSystem.call(() -> identityService.createGroupQuery().groupId(id).count()) > 0 && !id.equals(unitId)) {
      problems.add("登录名“" + id + "”已被使用，请换一个");
    }
    if (name.isEmpty() || name.length() > 100) {
      problems.add("请填写经办人姓名（不超过 100 字）");
    }
    if (!email.isEmpty() && !MAIL.matcher(email).matches()) {
      problems.add("邮箱“" + email + "”格式不正确");
    }
    if (account.password() == null || account.password().isEmpty()) {
      problems.add("请设置初始密码");
    }
    if (!problems.isEmpty()) {
      throw new DirectoryProblemException(problems);
    }
    try {
      asSystem.run(() -> {
        User user = identityService.newUser(id);
        user.setFirstName(name);
        user.setLastName("（" + unit.name() + "）");
        user.setEmail(email.isEmpty() ? null : email);
        user.setPassword(account.password());
        identityService.saveUser(user);
        identityService.createMembership(id, unitId);
      });
    } catch (BadUserRequestException e) {
      throw new DirectoryProblemException(List.of(e.getMessage()));
    }
    directory.record(unitId, "STAFF_ADD", "新增经办人账号 " + id + "（" + name + (email.isEmpty() ? "" : "，" + email) + "）", by);
  }

  public void remove(String unitId, String userId, String by) {
    unit(unitId);
    if (staff(unitId).stream().noneMatch(user -> user.getId().equals(userId))) {
      throw new DirectoryProblemException(List.of("“" + userId + "”不是该单位的经办人"));
    }
    asSystem.run(() -> identityService.deleteMembership(userId, unitId));
    directory.record(unitId, "STAFF_REMOVE", "经办人账号 " + userId + " 移出本单位（账号保留）", by);
  }

  private Unit unit(String unitId) {
    return directory.find(unitId)
        .orElseThrow(() -> new DirectoryProblemException(List.of("单位名录中没有编码为“" + unitId + "”的单位")));
  }
}
