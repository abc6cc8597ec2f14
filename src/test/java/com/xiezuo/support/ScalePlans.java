package com.xiezuo.support;

import com.xiezuo.plan.parse.ParsedPlan;
import com.xiezuo.plan.parse.ParsedTask;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Generated plans of a given size over the Zhuhai directory's units, for tests and measurements at scale. */
public final class ScalePlans {

  /** Printed names of the seed directory's units (src/main/resources/directory/zhuhai.yml), each its own unit. */
  public static final List<String> UNITS = List.of("市委办公室", "市政府办公室", "市乡村振兴局", "市委组织部", "市委统战部",
      "市委网信办", "市财政局", "市发展改革局", "市教育局", "市科技创新局", "市工业和信息化局", "市民政局", "市人力资源和社会保障局",
      "市交通运输局", "市商务局", "市文化广电旅游体育局", "市卫生健康局", "市国资委", "市市场监督管理局", "市政务服务数据管理局",
      "市轨道交通局", "市供销社", "市工商联", "市总工会", "团市委", "市残联", "市科协", "珠海市设计中心", "香洲区", "金湾区",
      "斗门区", "高新区", "横琴粤澳深度合作区", "市驻遵义工作组", "珠海华发集团", "珠海港集团", "市珠光集团", "市农控集团",
      "大横琴集团");

  private ScalePlans() {}

  /**
   * {@code tasks} tasks, each with a lead and {@code unitsPerTask - 1} co-units taken in turn from the directory, all
   * due on {@code deadline}: {@code tasks × unitsPerTask} unit tasks once handed out.
   */
  public static ParsedPlan plan(int year, int tasks, int unitsPerTask, LocalDate deadline, String deadlineText) {
    if (unitsPerTask > UNITS.size()) {
      throw new IllegalArgumentException("the directory has " + UNITS.size() + " units");
    }
    List<ParsedTask> list = new ArrayList<>();
    for (int i = 0; i < tasks; i++) {
      List<String> units = new ArrayList<>();
      for (int u = 0; u < unitsPerTask; u++) {
        units.add(UNITS.get((i * unitsPerTask + u) % UNITS.size()));
      }
      list.add(new ParsedTask(String.valueOf(i + 1), "规模测试", "第 " + (i + 1) + " 项工作", "按计划推进第 " + (i + 1) + " 项工作。",
          units.get(0), units.subList(1, units.size()), deadline, deadlineText, false, List.of(), List.of()));
    }
    return new ParsedPlan("规模测试计划（" + tasks + " 项）", year, "规模测试-" + UUID.randomUUID(), null, list);
  }
}
