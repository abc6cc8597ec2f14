package com.xiezuo.home;

import com.xiezuo.security.Viewer;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: what waits for the user, the user's units' tasks, and the plans' standing for those who see all. */
@Controller
public class HomePageController {

  private final HomeQuery home;

  public HomePageController(HomeQuery home) {
    this.home = home;
  }

  @GetMapping("/")
  public String home(Authentication user, Model model) {
    Viewer viewer = Viewer.of(user);
    model.addAttribute("home", home.of(viewer));
    model.addAttribute("viewer", viewer);
    return "home";
  }
}
