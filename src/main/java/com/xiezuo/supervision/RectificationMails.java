package com.xiezuo.supervision;

import com.xiezuo.directory.Roles;
import com.xiezuo.execution.UnitTaskMails;
import com.xiezuo.mail.MailKind;
import com.xiezuo.mail.MailMessage;
import com.xiezuo.supervision.RectificationRecords.Rectification;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The mails of a rectification: the notice to the unit, and its escalation to leadership once overdue. */
@Component
public class RectificationMails {

  private final UnitTaskMails mails;

  public RectificationMails(UnitTaskMails mails) {
    this.mails = mails;
  }

  public MailMessage notice(Rectification rectification, String unitName, String planTitle, String about,
      String businessKey) {
    String subject = "【协作整改通知】" + about + "（" + rectification.dueDate() + " 前完成整改）";
    String body = unitName + "：\n\n督查发现" + planTitle + "任务 " + about + " 存在以下问题：\n" + rectification.problem()
        + "\n\n整改要求：" + rectification.requirement() + "\n整改期限：" + UnitTaskMails.format(rectification.dueDate())
        + "\n\n请按期整改，在任务中心报送整改情况并上传佐证材料；确有困难的，可在期限前申请延期。\n办理入口："
        + mails.openTaskOr(rectification.processInstanceId(), RectificationPaths.page(rectification.id()))
        + "\n整改页面：" + mails.pageLink(RectificationPaths.page(rectification.id())) + UnitTaskMails.FOOTER;
    return new MailMessage("rectification/" + rectification.id() + "/notice", MailKind.RECTIFICATION,
        mails.unitContacts(rectification.unitId()), subject, body, businessKey, rectification.issuedBy());
  }

  public MailMessage overdue(Rectification rectification, String unitName, String planTitle, String about,
      String businessKey) {
    String subject = "【协作整改逾期】" + unitName + "：" + about + "（期限 " + rectification.dueDate() + "）";
    String body = "领导、督查人员：\n\n" + unitName + "对" + planTitle + "任务 " + about + " 的整改（期限 "
        + UnitTaskMails.format(rectification.dueDate()) + "）逾期未销号，当前状态：" + rectification.status().label()
        + "。\n问题：" + rectification.problem() + "\n整改要求：" + rectification.requirement() + "\n\n整改页面："
        + mails.pageLink(RectificationPaths.page(rectification.id())) + UnitTaskMails.FOOTER;
    Set<String> recipients = new LinkedHashSet<>(mails.groupMails(Roles.LEADERSHIP));
    recipients.addAll(mails.groupMails(Roles.SUPERVISORS));
    return new MailMessage("rectification/" + rectification.id() + "/overdue/" + rectification.dueDate(),
        MailKind.RECTIFY_OVERDUE, List.copyOf(recipients), subject, body, businessKey, null);
  }
}
