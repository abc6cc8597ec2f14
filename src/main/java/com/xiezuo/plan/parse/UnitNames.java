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
          + "单位|工作组|合作区|园区|学校|医院|银行|分行|支行|企业|小组|专班|党校|大学|海关|台|园|部门)$");
  private static final Pattern GROUP_TOKEN = Pattern.compile("^(各|两地|全市|全区|全县|市直|区直|县直)..*");
  /** Words that never stand in a unit's name: the token is a phrase about a unit, not its name. */
  private static final Pattern NOT_A_NAME = Pattern.compile("[“”《》？！…的]|以下|简称|同志|要求|通过|进一步|积极|加强|推动|开展|动员|引导|鼓励|支持");
  /** Phrases that name nobody in particular: "相关单位", "县直各相关部门", "其他成员单位". */
  private static final Pattern NOISE = Pattern.compile("^.{0,8}(相关|有关)(单位|部门)$|^其他成员单位$");
  private static final List<String> MARKERS =
      List.of("牵头负责", "负责落实", "牵头落实", "配合落实", "协助配合", "牵头", "负责", "主办", "主责", "配合", "协办", "参与", "协助");
  private static final List<String> LEAD_MARKERS = List.of("牵头负责", "负责落实", "牵头落实", "牵头", "负责", "主办", "主责");
  private static final Pattern MARKER_AT_END =
      Pattern.compile("(牵头负责|负责落实|牵头落实|配合落实|协助配合|牵头|负责|主办|主责|配合|协办|参与|协助)$");
  /** "区协作办（牵头）": a role in brackets after the name. */
  private static final Pattern BRACKETED_ROLE = Pattern.compile("（(牵头|负责|配合|协办|主责)）");
  private static final Pattern MANNER = Pattern.compile("(按职责分工|按照职责分工|按职责|按职能|分别|共同|具体)$");
  private static final Pattern TRAILING_ETC = Pattern.compile("等(乡镇|单位|部门|街道|村|企业)?$");
  private static final int MAX_NAME_LENGTH = 24;

  private UnitNames() {}

  public static Responsibility parse(String text) {
    return parse(text, Lexicon.NONE);
  }

  public static Responsibility parse(String text, Lexicon lexicon) {
    text = BRACKETED_ROLE.matcher(text).replaceAll("$1");
    List<String> leads = new ArrayList<>();
    List<String> co = new ArrayList<>();
    List<String> unmarked = new ArrayList<>();
    List<String> group = new ArrayList<>();
    for (String token : tokens(text, lexicon)) {
      String name = withoutManner(token);
      String marker = null;
      for (String m : MARKERS) {
        if (name.endsWith(m) && name.length() > m.length()) {
          marker = m;
          name = withoutManner(name.substring(0, name.length() - m.length()));
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
    return LEAD_MARKERS.contains(marker);
  }

  /** "按职责分工负责", "分别牵头": the words between a unit list and its marker say how, not who. */
  static String withoutManner(String token) {
    return MANNER.matcher(token).replaceFirst("");
  }

  /** Splits on 、，,；。 outside brackets, and on 和/及/与 where both sides are units; drops "相关单位" and "等乡镇". */
  static List<String> tokens(String text) {
    return tokens(text, Lexicon.NONE);
  }

  static List<String> tokens(String text, Lexicon lexicon) {
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
      boolean separator = depth == 0 && (c == '、' || c == '，' || c == ',' || c == '；' || c == '。' || c == '/');
      if (separator) {
        tokens.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    tokens.add(current.toString());
    List<String> split = new ArrayList<>();
    for (String token : tokens) {
      String trimmed = token.trim();
      if (!trimmed.isEmpty()) {
        split.addAll(conjoined(trimmed, lexicon));
      }
    }
    return split;
  }

  /** "区财政局和区农业农村局" is two units, "区人力资源和社会保障局" one: split on 和/及/与 only into units. */
  private static List<String> conjoined(String token, Lexicon lexicon) {
    String bare = token.replaceFirst("(牵头|负责|主办|主责|配合|协办|参与|协助)$", "");
    if (lexicon.knows(bare)) {
      return List.of(token);
    }
    for (int i = 1; i < token.length() - 1; i++) {
      char c = token.charAt(i);
      if (c == '和' || c == '及' || c == '与') {
        String left = token.substring(0, i);
        String right = token.substring(i + 1);
        String rightBare = withoutManner(right.replaceFirst("(牵头|负责|主办|主责|配合|协办|参与|协助)$", ""));
        boolean rightIsUnit = looksLikeUnit(clean(rightBare), lexicon) || NOISE.matcher(rightBare).matches();
        if (looksLikeUnit(clean(left), lexicon) && rightIsUnit) {
          List<String> parts = new ArrayList<>();
          parts.add(left);
          parts.addAll(conjoined(right, lexicon));
          return parts;
        }
      }
    }
    return List.of(token);
  }

  private static String clean(String name) {
    String cleaned = TRAILING_ETC.matcher(name.replaceAll("\\s+", "")).replaceFirst("");
    cleaned = cleaned.replaceFirst("^(由|请|会同)", "");
    return NOISE.matcher(cleaned).matches() ? "" : cleaned;
  }

  /** Whether every part of a text reads as a unit name (used for bare lists and table cells). */
  public static boolean isUnitList(String text) {
    return isUnitList(text, Lexicon.NONE);
  }

  public static boolean isUnitList(String text, Lexicon lexicon) {
    List<String> tokens = tokens(text, lexicon);
    if (tokens.isEmpty()) {
      return false;
    }
    boolean anyUnit = false;
    for (String token : tokens) {
      String name = withoutManner(token);
      name = withoutManner(MARKER_AT_END.matcher(name).replaceFirst(""));
      name = clean(name);
      if (name.isEmpty()) {
        continue;
      }
      if (!looksLikeUnit(name, lexicon)) {
        return false;
      }
      anyUnit = true;
    }
    return anyUnit;
  }

  public static boolean looksLikeUnit(String name) {
    return looksLikeUnit(name, Lexicon.NONE);
  }

  public static boolean looksLikeUnit(String name, Lexicon lexicon) {
    if (name.isEmpty()) {
      return false;
    }
    if (lexicon.knows(name)) {
      return true;
    }
    String withoutBrackets = name.replaceAll("（[^（）]*）", "");
    return withoutBrackets.length() <= MAX_NAME_LENGTH && withoutBrackets.length() >= 2
        && !withoutBrackets.matches(".*\\d.*") && !withoutBrackets.contains("：") && !NOT_A_NAME.matcher(withoutBrackets).find()
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
