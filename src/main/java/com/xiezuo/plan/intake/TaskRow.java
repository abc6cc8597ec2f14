package com.xiezuo.plan.intake;

import java.util.List;

/**
 * One task row of a table as read, before it is numbered: where it is, the 序号 as printed (and the merge it belongs
 * to, when merged down), the section it falls in, and the text of each column it uses.
 *
 * @param row grid row (from 0)
 * @param numberGroup the first row of the 序号 merge this row is in, or -1
 * @param sectionOrdinal how many section rows came before (0: none)
 * @param sectionNumber the 序号 of the section row above when it had an arabic one ("1 | 组织领导"), else null
 */
record TaskRow(int row, String number, int numberGroup, int sectionOrdinal, String sectionNumber, String section,
    String item, List<String> moreText, Grid.Cell deadline, String deadlineLabel, String lead, String co,
    boolean separateUnits, String remark, String indicators, List<String> labelledExtras) {

  boolean hasNumber() {
    return !number.isEmpty();
  }
}
