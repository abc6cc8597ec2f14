package com.xiezuo.web;

import com.xiezuo.mail.MailOutbox;
import com.xiezuo.mail.MailService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The outbox: every reminder, escalation and urge, sent or (without SMTP) only recorded. */
@Controller
public class OutboxController {

  private final MailOutbox outbox;
  private final MailService mailService;

  public OutboxController(MailOutbox outbox, MailService mailService) {
    this.outbox = outbox;
    this.mailService = mailService;
  }

  @GetMapping("/outbox")
  public String outbox(Model model) {
    model.addAttribute("mails", outbox.latest(300, null));
    model.addAttribute("smtp", mailService.smtpConfigured());
    return "outbox";
  }
}
