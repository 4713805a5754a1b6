package bench.steps;

import java.util.*;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;

/**
 * One start of a packaged Spring Boot application with Spring's BufferingApplicationStartup: prints its slowest
 * steps by their own time (children's time taken off), the time by kind of step, the top-level steps in order, the
 * classes loaded and the bean definitions; every step to the file -Dprof.out. Run by bench/startup-steps.sh, which
 * says how. Nothing in Aftercare's own code knows about it.
 */
public class StartupSteps {
    public static void main(String[] args) throws Exception {
        Class<?> main = Class.forName(System.getProperty("prof.main", "io.aftercare.AftercareApplication"));
        SpringApplication app = new SpringApplication(main);
        BufferingApplicationStartup startup = new BufferingApplicationStartup(100000);
        app.setApplicationStartup(startup);
        long t0 = System.nanoTime();
        var ctx = app.run(args);
        System.out.println("PROF run() took " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        StartupTimeline tl = startup.getBufferedTimeline();
        Map<Long, Long> childSum = new HashMap<>();
        List<StartupTimeline.TimelineEvent> ev = tl.getEvents();
        for (var e : ev) {
            Long p = e.getStartupStep().getParentId();
            if (p != null) childSum.merge(p, e.getDuration().toNanos(), Long::sum);
        }
        record Row(long self, long total, String desc) {}
        List<Row> rows = new ArrayList<>();
        for (var e : ev) {
            var s = e.getStartupStep();
            StringBuilder d = new StringBuilder(s.getName());
            s.getTags().forEach(t -> d.append(' ').append(t.getKey()).append('=').append(t.getValue()));
            long tot = e.getDuration().toNanos();
            rows.add(new Row(tot - childSum.getOrDefault(s.getId(), 0L), tot, d.toString()));
        }
        try (var w = new java.io.PrintWriter(System.getProperty("prof.out", "steps.tsv"))) {
            for (var e : ev) { var st = e.getStartupStep(); StringBuilder d = new StringBuilder(st.getName()); st.getTags().forEach(t -> d.append(' ').append(t.getKey()).append('=').append(t.getValue()));
                w.printf("%d\t%s\t%d\t%d\t%s%n", st.getId(), st.getParentId(), e.getDuration().toNanos() - childSum.getOrDefault(st.getId(), 0L), e.getDuration().toNanos(), d); }
        }
        int n = Integer.getInteger("prof.top", 60);
        System.out.println("PROF top by self time");
        rows.stream().sorted(Comparator.comparingLong(Row::self).reversed()).limit(n)
            .forEach(r -> System.out.printf("PROF self %6d ms total %6d ms %s%n", r.self / 1_000_000, r.total / 1_000_000, r.desc.length() > 220 ? r.desc.substring(0, 220) : r.desc));
        // self time aggregated by step name
        Map<String, Long> byName = new TreeMap<>();
        for (var e : ev) byName.merge(e.getStartupStep().getName(), e.getDuration().toNanos() - childSum.getOrDefault(e.getStartupStep().getId(), 0L), Long::sum);
        byName.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(25)
            .forEach(x -> System.out.printf("PROF byname %6d ms %s%n", x.getValue() / 1_000_000, x.getKey()));
        // top-level steps in order
        for (var e : ev) if (e.getStartupStep().getParentId() == null)
            System.out.printf("PROF root %6d ms at %s %s%n", e.getDuration().toMillis(), e.getStartTime(), e.getStartupStep().getName());
        System.out.println("PROF classes loaded " + java.lang.management.ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
        System.out.println("PROF beans " + ctx.getBeanDefinitionCount());
        ctx.close();
        System.exit(0);
    }
}
