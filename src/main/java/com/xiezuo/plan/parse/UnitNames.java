package com.xiezuo.plan.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Unit lists as printed: "市财政局、市乡村振兴局，各结对区", "江海区委组织部牵头，财政局、教育局配合",
 * "两地工商联负责，…配合", "硕龙镇、下雷镇等乡镇". Separators inside brackets ("两地县（区）委办") do not split.
 */
public final class UnitNames {

  /** Who is responsible: the lead (first, or the one marked 牵头/负责) and the co-units (配合). */
  public record Responsibility(String lead, List<String> coUnits) {

    public List<String> all() {
      List<String> all = new ArrayList<>();
      if (lead != null) {
        all.add(lead);
      }
      all.addAll(coUnits);
      return all;
    }

    public boolean isEmpty() {
      return lead == null;
    }
  }

  private static final Pattern UNIT_SUFFIX = Pattern.compile(
      ".*(局|委|办|部|组|区|县|市|镇|乡|街道|集团|公司|会|社|院|中心|室|所|站|团|联|协|政府|管委会|村|处|科|队|馆|厅|"
          + "单位|工作组|合作区|园区|学校|医院|银行|企业|小组)$");
  private static final Pattern GROUP_TOKEN = Pattern.compile("^(各|两地|全市|全区|市直).*");
  private static final Pattern NOISE = Pattern.compile("^(相关单位|有关单位|相关部门|有关部门|各相关单位|各有关单位)$");
  private static final Pattern TRAILING_ETC = Pattern.compile("等(乡镇|单位|部门|街道|村|企业)?$");
  private static final int MAX_NAME_LENGTH = 24;

  private UnitNames() {}

  public static Responsibility parse(String text) {
    List<String> leads = new ArrayList<>();
    List<String> co = new ArrayList<>();
    List<String> unmarked = new ArrayList<>();
    List<String> group = new ArrayList<>();
    for (String token : tokens(text)) {
      String name = token;
      String marker = null;
      for (String m : new String[] {"牵头", "负责", "主办", "配合", "协办", "参与"}) {
        if (name.endsWith(m) && name.length() > m.length()) {
          marker = m;
          name = name.substring(0, name.length() - m.length());
          break;
        }
      }
      name = clean(name);
      if (!name.isEmpty()) {
        group.add(name);
      }
      if (marker != null) {
        (isLeadMarker(marker) ? leads : co).addAll(group);
        group = new ArrayList<>();
      }
    }
    unmarked.addAll(group);
    if (leads.isEmpty()) {
      leads.addAll(unmarked);
      unmarked.clear();
    }
    if (leads.isEmpty()) {
      if (co.isEmpty()) {
        return new Responsibility(null, List.of());
      }
      leads.add(co.remove(0));
    }
    List<String> coUnits = new ArrayList<>(leads.subList(1, leads.size()));
    coUnits.addAll(co);
    coUnits.addAll(unmarked);
    return new Responsibility(leads.get(0), distinct(coUnits, leads.get(0)));
  }

  private static boolean isLeadMarker(String marker) {
    return marker.equals("牵头") || marker.equals("负责") || marker.equals("主办");
  }

  /** Splits on 、，,；及 outside brackets; drops "相关单位" and trailing "等乡镇". */
  static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int depth = 0;
    String compact = text.replaceAll("\\s+", "");
    for (int i = 0; i < compact.length(); i++) {
      char c = compact.charAt(i);
      if (c == '（' || c == '〔' || c == '[') {
        depth++;
      } else if ((c == '）' || c == '〕' || c == ']') && depth > 0) {
        depth--;
      }
      boolean separator = depth == 0 && (c == '、' || c == '，' || c == ',' || c == '；' || c == '。'
          || (c == '及' && current.length() > 1));
      if (separator) {
        tokens.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    tokens.add(current.toString());
    return tokens.stream().map(String::trim).filter(token -> !token.isEmpty()).toList();
  }

  private static String clean(String name) {
    String cleaned = TRAILING_ETC.matcher(name.replaceAll("\\s+", "")).replaceFirst("");
    cleaned = cleaned.replaceFirst("^由", "");
    return NOISE.matcher(cleaned).matches() ? "" : cleaned;
  }

  /** Whether every part of a text reads as a unit name (used for bare lists and table cells). */
  public static boolean isUnitList(String text) {
    List<String> tokens = tokens(text);
    if (tokens.isEmpty()) {
      return false;
    }
    for (String token : tokens) {
      String name = token.replaceFirst("(牵头|负责|主办|配合|协办|参与)$", "");
      name = TRAILING_ETC.matcher(name).replaceFirst("");
      if (!looksLikeUnit(name) && !NOISE.matcher(name).matches()) {
        return false;
      }
    }
    return true;
  }

  public static boolean looksLikeUnit(String name) {
    String withoutBrackets = name.replaceAll("（[^）]*）", "");
    return !name.isEmpty() && withoutBrackets.length() <= MAX_NAME_LENGTH && withoutBrackets.length() >= 2
        && !withoutBrackets.matches(".*\\d.*") && !withoutBrackets.contains("：")
        && (UNIT_SUFFIX.matcher(withoutBrackets).matches() || GROUP_TOKEN.matcher(withoutBrackets).matches());
  }

  private static List<String> distinct(List<String> names, String lead) {
    List<String> result = new ArrayList<>();
    for (String name : names) {
      if (!name.equals(lead) && !result.contains(name)) {
        result.add(name);
      }
    }
    return result;
  }
}
