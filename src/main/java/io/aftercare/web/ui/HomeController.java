package io.aftercare.web.ui;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Home is "My aftercare": what is waiting for the person, their cases and their own trend. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "redirect:/me";
    }
}
