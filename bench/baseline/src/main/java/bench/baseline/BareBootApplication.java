package bench.baseline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** One page and the starters' own beans: what any application with Aftercare's starters pays at start. */
@SpringBootApplication
public class BareBootApplication {

    @Controller
    static class Home {
        @GetMapping("/")
        String home() {
            return "home";
        }
    }

    public static void main(String[] args) {
        SpringApplication.run(BareBootApplication.class, args);
    }
}
