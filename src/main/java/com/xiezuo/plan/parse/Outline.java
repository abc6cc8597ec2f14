package com.xiezuo.plan.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbered outline of a notice body: 一、 (or 第一条) sections, （一） subsections, 1. items, （1） sub-items
 * and ①, in the order official documents nest them.
 * A marker counts only at the start of a line, where published notices put them.
 */
public final class Outline {

  /** One numbered node; {@code lines} are its text lines, the first one without the marker. */
  public static final class Node {
    final int level;
    final int ordinal;
    /** The number as printed, without its trailing 、 or .: "一", "（一）", "第一条", "1", "（1）", "①". */
    final String printed;
    final List<String> lines = new ArrayList<>();
    final List<Node> children = new ArrayList<>();
    Node parent;

    Node(int level, int ordinal, String printed) {
      this.level = level;
      this.ordinal = ordinal;
      this.printed = printed;
    }

    public String text() {
      StringBuilder text = new StringBuilder();
      for (String line : lines) {
        NoticeText.join(text, line);
      }
      return text.toString();
    }

    public boolean isLeaf() {
      return children.isEmpty();
    }
  }

  private static final String CN_NUMBER = "[一二三四五六七八九十]{1,3}";
  private static final Pattern ARTICLE = Pattern.compile("^第(" + CN_NUMBER + ")条\\s*(.*)$");
  private static final Pattern[] MARKERS = {
      Pattern.compile("^(" + CN_NUMBER + ")[、.]\\s*(.*)$"),
      Pattern.compile("^（(" + CN_NUMBER + ")）\\s*(.*)$"),
      Pattern.compile("^(\\d{1,3})\\s?(?:[.、](?!\\d))\\s*(.*)$"),
      Pattern.compile("^（(\\d{1,2})）\\s*(.*)$|^(\\d{1,2})）\\s*(.*)$"),
      Pattern.compile("^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮])\\s*(.*)$"),
  };
  private static final String[] PRINTED = {"%s", "（%s）", "%s", "（%s）", "%s"};

  private final Node root = new Node(0, 0, "");
  private final List<String> preamble = new ArrayList<>();

  public static Outline of(List<String> lines) {
    Outline outline = new Outline();
    Node current = outline.root;
    for (String line : lines) {
      Node started = outline.start(line, current);
      if (started != null) {
        current = started;
      } else if (current == outline.root) {
        outline.preamble.add(line);
      } else {
        current.lines.add(line);
      }
    }
    return outline;
  }

  private Node start(String line, Node current) {
    Matcher article = ARTICLE.matcher(line);
    if (article.matches()) {
      return attach(current, 1, ordinal(article.group(1)), "第" + article.group(1) + "条", article.group(2));
    }
    for (int level = 1; level <= MARKERS.length; level++) {
      Matcher m = MARKERS[level - 1].matcher(line);
      if (m.matches()) {
        int group = m.group(1) != null ? 1 : 3;
        return attach(current, level, ordinal(m.group(group)), String.format(PRINTED[level - 1], m.group(group)),
            m.group(group + 1));
      }
    }
    return null;
  }

  private static Node attach(Node current, int level, int ordinal, String printed, String text) {
    Node parent = current;
    while (parent.level >= level) {
      parent = parent.parent;
    }
    Node node = new Node(level, ordinal, printed);
    node.parent = parent;
    parent.children.add(node);
    if (!text.isBlank()) {
      node.lines.add(text.trim());
    }
    return node;
  }

  /** Whether a line opens a numbered node. */
  static boolean isNumbered(String line) {
    if (ARTICLE.matcher(line).matches()) {
      return true;
    }
    for (Pattern marker : MARKERS) {
      if (marker.matcher(line).matches()) {
        return true;
      }
    }
    return false;
  }

  public List<String> preamble() {
    return preamble;
  }

  public List<Node> topLevel() {
    return root.children;
  }

  public static List<Node> leavesUnder(Node node) {
    List<Node> leaves = new ArrayList<>();
    collect(node, leaves);
    return leaves;
  }

  private static void collect(Node node, List<Node> leaves) {
    if (node.isLeaf()) {
      leaves.add(node);
    } else {
      node.children.forEach(child -> collect(child, leaves));
    }
  }

  public static int ordinal(String marker) {
    if (Character.isDigit(marker.charAt(0))) {
      return Integer.parseInt(marker);
    }
    int circled = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮".indexOf(marker.charAt(0));
    if (circled >= 0) {
      return circled + 1;
    }
    return IndicatorExtractor.parseNumber(marker).intValue();
  }
}
