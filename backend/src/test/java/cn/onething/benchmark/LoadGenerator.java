package cn.onething.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
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
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.onething.testsupport.Api;

/**
 * An open-model load on the running platform: each request goes out at its planned time (Poisson arrivals at
 * the configured rates), whatever the server's pace, and its latency is counted from that planned time, so a
 * slow server shows as latency and not as less load (no coordinated omission). Requests are sent by a pool of
 * {@value #SENDERS} blocking senders (java.net.http): beyond that many in flight they wait in the generator, their
 * latency still counted from the planned time. Not {@code sendAsync}: with the common pool at one thread (two
 * cores), the JDK starts a new thread for every answer, ~15 % of the JVM's CPU taken from the platform.
 *
 * <p>The mix, per submission (rates scale with the submission rate):
 * <ul>
 * <li>citizens: {@code submit} 出生一件事 (POST /api/cases, a complete application whose five materials were
 * uploaded before the clock started), {@code upload} one more scan (POST /api/materials, a one-page PDF that
 * passes 预审), {@code case list} 我的办件 (GET /api/cases, first page) and {@code case detail} of one of their
 * recent cases (GET /api/cases/{id}: items, deadlines, timeline);
 * <li>officers of the six departments of 出生一件事: {@code inbox} (GET /api/tasks, default tab, first page of
 * 20, most urgent first); from it the first unclaimed task nobody has picked: {@code claim}, {@code task detail}
 * (GET /api/tasks/{id}: the case, form and materials), a think time, {@code complete} (approve);
 * <li>the applicant then rates the decided item ({@code rate}, POST /api/cases/{id}/ratings) with the given
 * probability: mostly 5 or 4, one in twenty a bad rating (which starts a rectification process).
 * </ul>
 */
final class LoadGenerator {

    /** How much of each request per submission, and the think times of the people behind them. */
    record Mix(double submissionsPerSecond, double uploads, double caseLists, double caseDetails, double inboxes,
            double ratedShare, Duration officerThink, Duration raterThink) {

        static Mix fromProperties() {
            return new Mix(number("load.rate", 100), number("load.mix.upload", 0.2), number("load.mix.list", 0.5),
                    number("load.mix.detail", 1.0), number("load.mix.inbox", 0.25), number("load.mix.rated", 0.5),
                    Duration.ofMillis((long) number("load.think.officer-ms", 2000)),
                    Duration.ofMillis((long) number("load.think.rater-ms", 1000)));
        }

        private static double number(String property, double otherwise) {
            String value = System.getProperty(property);
            return value == null || value.isBlank() ? otherwise : Double.parseDouble(value);
        }
    }

    /** One kind of request: latencies of the measured window (nanoseconds from the planned send), errors. */
    static final class Kind {
        final String name;
        final boolean read;
        private long[] latencies = new long[4096];
        private int count;
        private int errors;
        private int warmup;
        private int warmupErrors;
        private final List<String> firstErrors = new ArrayList<>();

        Kind(String name, boolean read) {
            this.name = name;
            this.read = read;
        }

        synchronized void done(boolean measured, long nanos) {
            if (!measured) {
                warmup++;
                return;
            }
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
        }

        synchronized void failed(boolean measured, String what) {
            if (measured) {
                errors++;
            } else {
                warmupErrors++;
            }
            if (firstErrors.size() < 5) {
                firstErrors.add((measured ? "" : "(warm-up) ") + what);
            }
        }

        synchronized long[] sorted() {
            long[] copy = Arrays.copyOf(latencies, count);
            Arrays.sort(copy);
            return copy;
        }

        synchronized int errors() {
            return errors;
        }

        synchronized int warmupErrors() {
            return warmupErrors;
        }

        synchronized int warmup() {
            return warmup;
        }

        synchronized List<String> firstErrors() {
            return List.copyOf(firstErrors);
        }
    }

    record Citizen(String user, List<byte[]> applications) {
    }

    record Officer(String user, String department) {
    }

    private record CaseRef(String id, Citizen owner) {
    }

    static final String BOUNDARY = "----onething-load-boundary";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode EMPTY = JSON.nullNode();

    final Kind submit = new Kind("submit", false);
    final Kind upload = new Kind("upload", false);
    final Kind caseList = new Kind("case list", true);
    final Kind caseDetail = new Kind("case detail", true);
    final Kind inbox = new Kind("inbox", true);
    final Kind claim = new Kind("claim", false);
    final Kind taskDetail = new Kind("task detail", true);
    final Kind complete = new Kind("complete", false);
    final Kind rate = new Kind("rate", false);
    final List<Kind> kinds = List.of(submit, upload, caseList, caseDetail, inbox, claim, taskDetail, complete, rate);

    private final HttpClient http;
    private final String base;
    private final Tokens tokens;
    private final Mix mix;
    private final List<Citizen> citizens;
    private final List<Officer> officers;
    private final List<byte[]> uploads;
    private final Map<String, Citizen> owners = new ConcurrentHashMap<>();
    private final AtomicReferenceArray<CaseRef> recent = new AtomicReferenceArray<>(4096);
    private final AtomicLong filed = new AtomicLong();
    private final Set<String> picked = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger nothingToClaim = new AtomicInteger();
    private static final int SENDERS = 256;
    private final ExecutorService senders = Executors.newFixedThreadPool(SENDERS, r -> {
        Thread t = new Thread(r, "load-send");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "load-later");
        t.setDaemon(true);
        return t;
    });
    private volatile long measureFrom = Long.MAX_VALUE;
    private volatile long measureTo = Long.MAX_VALUE;
    private volatile boolean stopped;

    LoadGenerator(HttpClient http, String base, Tokens tokens, Mix mix, List<Citizen> citizens, List<Officer> officers,
            List<byte[]> uploads) {
        this.http = http;
        this.base = base;
        this.tokens = tokens;
        this.mix = mix;
        this.citizens = citizens;
        this.officers = officers;
        this.uploads = uploads;
    }

    /** A case filed outside the load (the overhead comparison's): its applicant may read and rate it. */
    void filed(String caseId, Citizen owner) {
        CaseRef ref = new CaseRef(caseId, owner);
        owners.put(caseId, owner);
        recent.set((int) (filed.getAndIncrement() % recent.length()), ref);
    }

    /**
     * Sends the mix for warm-up + measured seconds, then waits (at most {@code drain}) for the answers still
     * out. Only requests planned inside the measured window count in the figures.
     */
    void run(Duration warmup, Duration measured, Duration drain, Runnable atMeasureStart, Runnable atMeasureEnd)
            throws InterruptedException {
        double r = mix.submissionsPerSecond();
        List<Stream> streams = new ArrayList<>(List.of(
                new Stream(r, this::fireSubmit, 1),
                new Stream(r * mix.uploads(), this::fireUpload, 2),
                new Stream(r * mix.caseLists(), this::fireCaseList, 3),
                new Stream(r * mix.caseDetails(), this::fireCaseDetail, 4),
                new Stream(r * mix.inboxes(), this::fireInbox, 5)));
        streams.removeIf(s -> s.perSecond <= 0);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        long from = start + warmup.toNanos();
        long to = from + measured.toNanos();
        measureFrom = from;
        measureTo = to;
        streams.forEach(s -> s.next = start + s.gap());
        boolean started = false;
        while (true) {
            Stream s = streams.get(0);
            for (Stream other : streams) {
                if (other.next < s.next) {
                    s = other;
                }
            }
            if (s.next >= to) {
                break;
            }
            if (!started && s.next >= from) {
                started = true;
                atMeasureStart.run();
            }
            for (long wait; (wait = s.next - System.nanoTime()) > 0;) {
                LockSupport.parkNanos(wait);
            }
            try {
                s.fire.accept(s.next);
            } catch (RuntimeException e) {
                failedToSend(s.next, e);
            }
            s.next += s.gap();
        }
        while (System.nanoTime() < to) {
            LockSupport.parkNanos(to - System.nanoTime());
        }
        atMeasureEnd.run();
        stopped = true;
        long deadline = System.nanoTime() + drain.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        later.shutdownNow();
        // sends under way finish (nobody waits for them); interrupting them would report them as failures
        senders.shutdown();
    }

    /** Requests still unanswered when the run stopped waiting: errors of their kind. */
    int unanswered() {
        return inFlight.get();
    }

    int nothingToClaim() {
        return nothingToClaim.get();
    }

    private static final class Stream {
        final double perSecond;
        final LongConsumer fire;
        final Random random;
        long next;

        Stream(double perSecond, LongConsumer fire, long seed) {
            this.perSecond = perSecond;
            this.fire = fire;
            this.random = new Random(seed);
        }

        /** Poisson arrivals: exponential gaps. */
        long gap() {
            return (long) (-Math.log(1 - random.nextDouble()) / perSecond * 1e9);
        }
    }

    // ---- the requests ----

    private final AtomicLong submissions = new AtomicLong();

    private void fireSubmit(long planned) {
        long n = submissions.getAndIncrement();
        Citizen citizen = citizens.get((int) (n % citizens.size()));
        byte[] body = citizen.applications().get((int) (n / citizens.size() % citizen.applications().size()));
        call(submit, planned, citizen.user(), post("/api/cases", body)).thenAccept(c -> {
            if (c != null) {
                filed(c.get("id").asText(), citizen);
            }
        });
    }

    private final AtomicLong uploaded = new AtomicLong();

    private void fireUpload(long planned) {
        long n = uploaded.getAndIncrement();
        Citizen citizen = citizens.get((int) (n % citizens.size()));
        byte[] pdf = uploads.get((int) (n % uploads.size()));
        call(upload, planned, citizen.user(), request("/api/materials")
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart("scan-" + n + ".pdf", pdf))));
    }

    private void fireCaseList(long planned) {
        Citizen citizen = citizens.get(ThreadLocalRandom.current().nextInt(citizens.size()));
        call(caseList, planned, citizen.user(), request("/api/cases?page=0&size=20").GET());
    }

    private void fireCaseDetail(long planned) {
        CaseRef c = recentCase();
        if (c != null) {
            call(caseDetail, planned, c.owner().user(), request("/api/cases/" + c.id()).GET());
        }
    }

    private CaseRef recentCase() {
        long n = Math.min(filed.get(), recent.length());
        return n == 0 ? null : recent.get(ThreadLocalRandom.current().nextInt((int) n));
    }

    private void fireInbox(long planned) {
        Officer officer = officers.get(ThreadLocalRandom.current().nextInt(officers.size()));
        call(inbox, planned, officer.user(), request("/api/tasks?view=open&page=0&size=20").GET()).thenAccept(page -> {
            if (page == null || stopped) {
                return;
            }
            for (JsonNode row : page.path("items")) {
                String id = row.path("id").asText();
                if (row.path("assignee").isNull() && picked.add(id)) {
                    decide(officer, id, row.path("caseId").asText(), row.path("itemCode").asText());
                    return;
                }
            }
            nothingToClaim.incrementAndGet();
        });
    }

    /** 认领, read, think, approve; then, sometimes, the applicant rates the item. */
    private void decide(Officer officer, String task, String caseId, String itemCode) {
        String path = "/api/tasks/" + task;
        call(claim, System.nanoTime(), officer.user(), post(path + "/claim", null)).thenAccept(claimed -> {
            if (claimed == null || stopped) {
                return;
            }
            call(taskDetail, System.nanoTime(), officer.user(), request(path).GET()).thenAccept(detail -> {
                if (detail == null) {
                    return;
                }
                after(mix.officerThink(), planned -> call(complete, planned, officer.user(),
                        post(path + "/complete", bytes(Map.of("decision", "approve")))).thenAccept(done -> {
                            Citizen owner = owners.get(caseId);
                            if (done != null && owner != null && ThreadLocalRandom.current().nextDouble() < mix.ratedShare()) {
                                after(mix.raterThink(), p -> rate(p, owner, caseId, itemCode));
                            }
                        }));
            });
        });
    }

    private void rate(long planned, Citizen owner, String caseId, String itemCode) {
        double dice = ThreadLocalRandom.current().nextDouble();
        Map<String, Object> rating = new LinkedHashMap<>();
        rating.put("itemCode", itemCode);
        rating.put("level", dice < 0.7 ? 5 : dice < 0.9 ? 4 : dice < 0.95 ? 3 : 2);
        if (dice >= 0.95) {
            rating.put("reason", "TIME_LIMIT");
            rating.put("comment", "等了好几天");
        }
        call(rate, planned, owner.user(), post("/api/cases/" + caseId + "/ratings", bytes(rating)));
    }

    /** Runs the request at now + delay, with that as its planned time. */
    private void after(Duration delay, LongConsumer request) {
        if (stopped) {
            return;
        }
        long planned = System.nanoTime() + delay.toNanos();
        later.schedule(() -> {
            if (stopped) {
                return;
            }
            try {
                request.accept(planned);
            } catch (RuntimeException e) {
                failedToSend(planned, e);
            }
        }, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void failedToSend(long planned, RuntimeException e) {
        submit.failed(measured(planned), "not sent: " + e);
    }

    // ---- HTTP ----

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT);
    }

    private HttpRequest.Builder post(String path, byte[] body) {
        HttpRequest.Builder b = request(path);
        if (body == null) {
            return b.POST(HttpRequest.BodyPublishers.noBody());
        }
        return b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private boolean measured(long planned) {
        return planned >= measureFrom && planned < measureTo;
    }

    /** Sends; the answer's JSON (an empty body: a JSON null node), or null on any error, counted as the kind's. */
    private CompletableFuture<JsonNode> call(Kind kind, long planned, String user, HttpRequest.Builder request) {
        HttpRequest r = request.header("Authorization", "Bearer " + tokens.of(user)).build();
        inFlight.incrementAndGet();
        return CompletableFuture.supplyAsync(() -> send(r), senders).handle((response, thrown) -> {
            long done = System.nanoTime();
            Throwable failure = thrown instanceof CompletionException ? thrown.getCause() : thrown;
            inFlight.decrementAndGet();
            boolean measured = measured(planned);
            if (failure != null) {
                kind.failed(measured, r.method() + " " + r.uri().getPath() + ": " + failure);
                return null;
            }
            if (response.statusCode() / 100 != 2) {
                String body = new String(response.body(), StandardCharsets.UTF_8);
                kind.failed(measured, response.statusCode() + " " + r.method() + " " + r.uri().getPath() + ": "
                        + (body.length() > 400 ? body.substring(0, 400) + "…" : body));
                return null;
            }
            kind.done(measured, done - planned);
            try {
                return response.body().length == 0 ? EMPTY : JSON.readTree(response.body());
            } catch (IOException e) {
                return EMPTY;
            }
        });
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new CompletionException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
    }

    static byte[] bytes(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] multipart(String filename, byte[] content) {
        return Api.multipartFile(BOUNDARY, filename, "application/pdf", content);
    }
}
