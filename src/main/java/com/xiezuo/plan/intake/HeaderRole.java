package com.xiezuo.plan.intake;

import java.util.Map;
import java.util.Optional;

/**
 * What a column of a task table holds, from its header as offices print it. Whitespace and line breaks inside a
 * header cell do not count ("完成\n时限"), nor a bracketed note after it ("牵头单位（部门）").
 */
enum HeaderRole {
  NUMBER,
  TEXT,
  UNITS,
  LEAD,
  CO,
  DEADLINE,
  REMARK,
  INDICATORS;

  private static final Map<String, HeaderRole> WORDS = Map.ofEntries(
      Map.entry("序号", NUMBER), Map.entry("编号", NUMBER),
      Map.entry("重点工作", TEXT), Map.entry("重点任务", TEXT), Map.entry("工作任务", TEXT), Map.entry("主要任务", TEXT),
      Map.entry("主要内容", TEXT), Map.entry("具体措施", TEXT), Map.entry("具体事项", TEXT), Map.entry("工作内容", TEXT),
      Map.entry("工作措施", TEXT), Map.entry("具体任务", TEXT), Map.entry("任务内容", TEXT), Map.entry("主要措施", TEXT),
      Map.entry("工作举措", TEXT), Map.entry("任务名称", TEXT), Map.entry("工作事项", TEXT),
      Map.entry("责任单位", UNITS), Map.entry("责任部门", UNITS), Map.entry("责任主体", UNITS),
      Map.entry("牵头单位", LEAD), Map.entry("牵头部门", LEAD), Map.entry("主办单位", LEAD), Map.entry("牵头责任单位", LEAD),
      Map.entry("配合单位", CO), Map.entry("配合部门", CO), Map.entry("协办单位", CO), Map.entry("参与单位", CO),
      Map.entry("完成时限", DEADLINE), Map.entry("完成时间", DEADLINE), Map.entry("时间节点", DEADLINE),
      Map.entry("时限", DEADLINE), Map.entry("完成期限", DEADLINE), Map.entry("时间要求", DEADLINE),
      Map.entry("备注", REMARK),
      Map.entry("协议指标", INDICATORS));

  /** The headers a message lists when no table is found. */
  static final String EXPECTED = "序号、工作任务（或 重点工作 / 重点任务 / 具体事项 / 具体措施 / 主要内容 / 工作内容）、"
      + "责任单位（或 牵头单位 + 配合单位）、完成时限（或 完成时间 / 时间节点），可选 备注、协议指标";

  /** Longer than any header with its note: such a cell is content, and not worth matching. */
  private static final int MAX_HEADER_LENGTH = 40;

  static Optional<HeaderRole> of(String headerCell) {
    String compact = compact(headerCell);
    if (compact.length() > MAX_HEADER_LENGTH) {
      return Optional.empty();
    }
    HeaderRole role = WORDS.get(compact);
    if (role == null) {
      role = WORDS.get(compact.replaceFirst("[（(][^（(）)]*[）)]$", ""));
    }
    return Optional.ofNullable(role);
  }

  static String compact(String text) {
    return text.replaceAll("[\\s\\u3000]+", "");
  }

  boolean isUnits() {
    return this == UNITS || this == LEAD || this == CO;
  }
}
