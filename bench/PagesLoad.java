import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pages under load: signs in N demo people (each client its own browser session, through the sign-in form), then,
 * for /actuator/health and for each page in turn, lets the N clients ask for it as fast as the server answers for a
 * warm-up and a measured time. Prints rate, median, p99 and errors per page, and each page's rate as a share of
 * health's from the same run. Stops by itself.
 *
 * <p>Run with {@code java bench/PagesLoad.java BASE_URL [clients] [warmupSeconds] [seconds]} against a server
 * started with {@code --demo} (bench/pages.sh does both).
 */
public class PagesLoad {

    static final String DOMAIN = "@demo.aftercare.test";
    static final String PASSWORD = "aftercare-demo";
    static final List<String> LOGINS = List.of("sam", "priya", "jonas", "aisha", "mei", "diego", "hannah", "tomas",
        "grace", "ravi", "lena", "noah", "yusuf", "olivia", "kenji", "fatima", "lucas", "sofia");
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    static final Pattern CHECK_IN = Pattern.compile("/check-ins/([0-9a-f-]{36})");
    static final Pattern TEAM = Pattern.compile("/teams/([0-9a-f-]{36})");

    static HttpClient http;
    static String base;

    /** One signed-in browser: its cookies and the pages that are its own. */
    static final class Client {
        final String email;
        final Map<String, String> cookies = new ConcurrentHashMap<>();
        String checkIn;
        String team;

        Client(String email) {
            this.email = email;
        }

        String cookieHeader() {
            StringBuilder b = new StringBuilder();
            cookies.forEach((k, v) -> b.append(b.isEmpty() ? "" : "; ").append(k).append('=').append(v));
            return b.toString();
        }

        HttpResponse<String> get(String path) throws Exception {
            HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", path.startsWith("/actuator/") ? "application/json" : "text/html");
            if (!cookies.isEmpty()) {
                r.header("Cookie", cookieHeader());
            }
            HttpResponse<String> res = http.send(r.GET().build(), HttpResponse.BodyHandlers.ofString());
            keep(res);
            return res;
        }

        void keep(HttpResponse<?> res) {
            for (String c : res.headers().allValues("set-cookie")) {
                String pair = c.split(";", 2)[0];
                int eq = pair.indexOf('=');
                cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }

        void signIn() throws Exception {
            HttpResponse<String> page = get("/login");
            Matcher m = CSRF.matcher(page.body());
            if (!m.find()) {
                throw new IllegalStateException("no sign-in form at /login (status " + page.statusCode() + ")");
            }
            String form = "email=" + enc(email) + "&password=" + enc(PASSWORD) + "&_csrf=" + enc(m.group(1));
            HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookieHeader())
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            keep(res);
            String to = res.headers().firstValue("location").orElse("");
            if (res.statusCode() != 302 || to.contains("error")) {
                throw new IllegalStateException("sign-in refused for " + email + ": " + res.statusCode() + " " + to);
            }
            String me = get("/me").body();
            Matcher c = CHECK_IN.matcher(me);
            checkIn = c.find() ? "/check-ins/" + c.group(1) : null;
            Matcher t = TEAM.matcher(get("/teams").body());
            team = t.find() ? "/teams/" + t.group(1) : null;
        }
    }

    record Result(String page, long count, long errors, double seconds, long medianMicros, long p99Micros,
                  Map<Integer, Long> statuses, double cpuMillisPerRequest) {
        double rate() {
            return count / seconds;
        }
    }

    /** The server's process, when its pid is known: its CPU time is read from /proc around each measured window. */
    static long serverPid = -1;

    /** CPU time (user + system) the server's process has used so far, in milliseconds; -1 when unknown. */
    static long serverCpuMillis() {
        if (serverPid < 0) {
            return -1;
        }
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + serverPid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields 14 and 15 of /proc/PID/stat (utime, stime), in clock ticks of 1/100 s on Linux
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
        } catch (Exception e) {
            return -1;
        }
    }

    interface PathFor {
        String of(Client c);
    }

    public static void main(String[] args) throws Exception {
        base = args.length > 0 ? args[0] : "http://127.0.0.1:18090";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        serverPid = args.length > 4 ? Long.parseLong(args[4]) : -1;
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

        // sign-ins (each a password hash check) run eight at a time
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            clients.add(new Client(LOGINS.get(i % LOGINS.size()) + DOMAIN));
        }
        long signInStart = System.nanoTime();
        var signIns = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<?>> pending = new ArrayList<>();
            for (Client c : clients) {
                pending.add(signIns.submit(() -> {
                    c.signIn();
                    return null;
                }));
            }
            for (var p : pending) {
                p.get();
            }
        } finally {
            signIns.shutdownNow();
        }
        System.out.printf("signed in in %.1f s%n", (System.nanoTime() - signInStart) / 1e9);
        String anyCheckIn = clients.stream().map(c -> c.checkIn).filter(s -> s != null).findFirst().orElseThrow(
            () -> new IllegalStateException("no demo person has a check-in link on /me"));
        List<Client> withCheckIn = clients.stream().filter(c -> c.checkIn != null).toList();
        String anyTeam = clients.stream().map(c -> c.team).filter(s -> s != null).findFirst().orElseThrow();
        System.out.printf("signed in %d clients (%d distinct people, %d with a check-in of their own); team page %s%n",
            n, Math.min(n, LOGINS.size()), withCheckIn.size(), anyTeam);

        Map<String, PathFor> pages = new LinkedHashMap<>();
        pages.put("/actuator/health", c -> "/actuator/health");
        pages.put("/me", c -> "/me");
        pages.put("/incidents", c -> "/incidents");
        pages.put("/teams/{id}", c -> c.team != null ? c.team : anyTeam);
        pages.put("/check-ins/{id}", c -> c.checkIn);

        // -Dpages=/me,/incidents measures only those (beside health, always first), e.g. under a profiler
        String only = System.getProperty("pages");
        if (only != null) {
            List<String> wanted = List.of(only.split(","));
            pages.keySet().removeIf(p -> !p.equals("/actuator/health") && !wanted.contains(p));
        }
        List<Result> results = new ArrayList<>();
        for (Map.Entry<String, PathFor> page : pages.entrySet()) {
            // the check-in page: each client asks for a check-in of its own person (clients whose person has none
            // take the place of one that has, so there are always n clients)
            List<Client> who = page.getKey().startsWith("/check-ins") ? cycle(withCheckIn, n) : clients;
            Result r = run(page.getKey(), page.getValue(), who, warmup, seconds);
            results.add(r);
            System.out.printf("  %-16s %7.1f/s  median %6.1f ms  p99 %7.1f ms  errors %d  statuses %s  server CPU %.2f ms"
                + " a request%n", r.page(), r.rate(), r.medianMicros() / 1000.0, r.p99Micros() / 1000.0, r.errors(),
                r.statuses(), r.cpuMillisPerRequest());
        }
        double health = results.get(0).rate();
        System.out.println();
        System.out.printf("RESULT %d clients, %d s after %d s warm-up, load average %s%n", n, seconds, warmup,
            loadAverage());
        System.out.printf("RESULT %-16s %9s %9s %9s %7s %16s%n", "page", "rate/s", "median", "p99", "errors",
            "share of health");
        boolean ok = true;
        for (Result r : results) {
            double share = r.rate() / health;
            boolean pass = r.errors() == 0 && r.p99Micros() < 500_000 && share >= 1.0 / 3;
            ok &= pass;
            System.out.printf("RESULT %-16s %9.1f %7.1fms %7.1fms %7d %15.2f  %s%n", r.page(), r.rate(),
                r.medianMicros() / 1000.0, r.p99Micros() / 1000.0, r.errors(), share, pass ? "ok" : "MISSED");
        }
        System.out.println("RESULT target (no errors, p99 < 500 ms, at least 1/3 of health's rate): "
            + (ok ? "met" : "missed"));
        if (serverPid >= 0) {
            // CPU time the server spent a request barely moves with other load on the machine, unlike rates
            System.out.printf("RESULT %-16s %12s %16s%n", "page", "server CPU", "times health's");
            for (Result r : results) {
                System.out.printf("RESULT %-16s %9.2f ms %16.1f%n", r.page(), r.cpuMillisPerRequest(),
                    r.cpuMillisPerRequest() / results.get(0).cpuMillisPerRequest());
            }
        }
    }

    static List<Client> cycle(List<Client> from, int n) {
        List<Client> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(from.get(i % from.size()));
        }
        return out;
    }

    static Result run(String name, PathFor path, List<Client> clients, int warmup, int seconds)
        throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmup * 1_000_000_000L;
        long end = measureFrom + seconds * 1_000_000_000L;
        List<long[]> perThread = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(clients.size());
        long[] cpu = {-1, -1};
        Thread cpuWatch = new Thread(() -> {
            try {
                Thread.sleep(Math.max(0, (measureFrom - System.nanoTime()) / 1_000_000));
                cpu[0] = serverCpuMillis();
                Thread.sleep(Math.max(0, (end - System.nanoTime()) / 1_000_000));
                cpu[1] = serverCpuMillis();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        cpuWatch.setDaemon(true);
        cpuWatch.start();
        List<Thread> threads = new ArrayList<>();
        for (Client c : clients) {
            long[][] holder = new long[1][];
            Thread t = new Thread(() -> {
                long[] lat = new long[1 << 16];
                int k = 0;
                try {
                    while (true) {
                        long t0 = System.nanoTime();
                        if (t0 >= end) {
                            break;
                        }
                        int status;
                        try {
                            status = c.get(path.of(c)).statusCode();
                        } catch (Exception e) {
                            status = -1;
                        }
                        long t1 = System.nanoTime();
                        if (t0 >= measureFrom && t1 <= end) {
                            if (k == lat.length) {
                                lat = Arrays.copyOf(lat, k * 2);
                            }
                            lat[k++] = (t1 - t0) / 1000;
                            statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                            if (status != 200) {
                                errors.incrementAndGet();
                            }
                        }
                    }
                } finally {
                    holder[0] = Arrays.copyOf(lat, k);
                    synchronized (perThread) {
                        perThread.add(holder[0]);
                    }
                    done.countDown();
                }
            });
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        done.await();
        cpuWatch.join();
        long[] all = perThread.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        Map<Integer, Long> st = new TreeMap<>();
        statuses.forEach((k, v) -> st.put(k, v.get()));
        long median = all.length == 0 ? 0 : all[all.length / 2];
        long p99 = all.length == 0 ? 0 : all[Math.min(all.length - 1, (int) Math.ceil(all.length * 0.99) - 1)];
        // every request that ended in the window, including those begun before it, used server CPU within it
        double cpuPerRequest = cpu[0] < 0 || cpu[1] < 0 || all.length == 0 ? Double.NaN
            : (double) (cpu[1] - cpu[0]) / all.length;
        return new Result(name, all.length, errors.get(), seconds, median, p99, st, cpuPerRequest);
    }

    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
