package com.xiezuo.plan.intake;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFNum;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumLvl;

/**
 * The numbers Word draws in front of list paragraphs ("一、", "（一）", "1.", "①"): they are not in the paragraph's
 * text, but the parser needs them to see the outline. Counted in document order, as Word counts them.
 */
final class WordNumbering {

  private static final String CHINESE_DIGITS = "零一二三四五六七八九";
  private static final String HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸";

  private final XWPFNumbering numbering;
  private final Map<BigInteger, int[]> counters = new HashMap<>();

  WordNumbering(XWPFNumbering numbering) {
    this.numbering = numbering;
  }

  /** The paragraph's drawn number, or "" when it has none (or only a bullet). */
  String prefix(XWPFParagraph paragraph) {
    BigInteger numId = paragraph.getNumID();
    if (numbering == null || numId == null) {
      return "";
    }
    int level = paragraph.getNumIlvl() == null ? 0 : Math.min(8, paragraph.getNumIlvl().intValue());
    XWPFNum num = numbering.getNum(numId);
    if (num == null || num.getCTNum().getAbstractNumId() == null) {
      return "";
    }
    XWPFAbstractNum abstractNum = numbering.getAbstractNum(num.getCTNum().getAbstractNumId().getVal());
    if (abstractNum == null) {
      return "";
    }
    CTLvl[] levels = new CTLvl[9];
    for (CTLvl lvl : abstractNum.getCTAbstractNum().getLvlArray()) {
      if (lvl.getIlvl() != null && lvl.getIlvl().intValue() < 9) {
        levels[lvl.getIlvl().intValue()] = lvl;
      }
    }
    if (levels[level] == null) {
      return "";
    }
    int[] count = counters.computeIfAbsent(numId, id -> new int[] {-1, -1, -1, -1, -1, -1, -1, -1, -1});
    for (int deeper = level + 1; deeper < 9; deeper++) {
      count[deeper] = -1;
    }
    for (int l = 0; l <= level; l++) {
      if (count[l] < 0) {
        count[l] = start(num, levels[l], l) - (l == level ? 1 : 0);
      }
    }
    count[level]++;
    String format = format(levels[level]);
    if (format.equals("bullet") || format.equals("none") || levels[level].getLvlText() == null) {
      return "";
    }
    String text = levels[level].getLvlText().getVal();
    for (int l = 0; l <= level; l++) {
      text = text.replace("%" + (l + 1), levels[l] == null ? "" : render(count[l], format(levels[l])));
    }
    return text;
  }

  private static int start(XWPFNum num, CTLvl lvl, int level) {
    for (CTNumLvl override : num.getCTNum().getLvlOverrideArray()) {
      if (override.getIlvl() != null && override.getIlvl().intValue() == level && override.getStartOverride() != null) {
        return override.getStartOverride().getVal().intValue();
      }
    }
    return lvl != null && lvl.getStart() != null ? lvl.getStart().getVal().intValue() : 1;
  }

  private static String format(CTLvl lvl) {
    return lvl == null || lvl.getNumFmt() == null ? "decimal" : lvl.getNumFmt().getVal().toString();
  }

  static String render(int n, String format) {
    return switch (format) {
      case "chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographDigital",
          "taiwaneseCounting", "taiwaneseCountingThousand", "japaneseCounting" -> chinese(n);
      case "ideographTraditional" -> n >= 1 && n <= 10 ? String.valueOf(HEAVENLY_STEMS.charAt(n - 1)) : String.valueOf(n);
      case "decimalEnclosedCircle", "decimalEnclosedCircleChinese" ->
          n >= 1 && n <= 20 ? String.valueOf((char) ('①' + n - 1)) : String.valueOf(n);
      case "decimalZero" -> n < 10 ? "0" + n : String.valueOf(n);
      case "lowerLetter" -> n >= 1 && n <= 26 ? String.valueOf((char) ('a' + n - 1)) : String.valueOf(n);
      case "upperLetter" -> n >= 1 && n <= 26 ? String.valueOf((char) ('A' + n - 1)) : String.valueOf(n);
      default -> String.valueOf(n);
    };
  }

  /** 1–99 as written in notices: 一, 十, 十一, 二十, 二十一. */
  static String chinese(int n) {
    if (n <= 0 || n >= 100) {
      return String.valueOf(n);
    }
    if (n < 10) {
      return String.valueOf(CHINESE_DIGITS.charAt(n));
    }
    String tens = n / 10 == 1 ? "十" : CHINESE_DIGITS.charAt(n / 10) + "十";
    return n % 10 == 0 ? tens : tens + CHINESE_DIGITS.charAt(n % 10);
  }
}
