package cn.onething.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import cn.onething.testsupport.BirthApplication;

/**
 * Users working on the nodes at once, each in a thread of its own, until stopped: citizens filing 出生一件事 (their
 * materials uploaded before), officers approving what their inbox offers, citizens reading their cases. Every call
 * is recorded with its answer, so that the test knows what each user was told: what got a 2xx must be there.
 */
final class Traffic {

    /** One request and what came back (status 0: no answer at all). */
    record Call(String node, String kind, String user, Instant at, Client.Reply reply, String caseId, String taskId,
            String itemCode) {

        int status() {
            return reply.status();
        }

        boolean ok() {
            return reply.ok();
        }

        @Override
        public String toString() {
            return kind + " by " + user + " on node " + node + " at " + at + (caseId == null ? "" : " case " + caseId)
                    + (taskId == null ? "" : " task " + taskId + " (" + itemCode + ")") + ": " + reply;
        }
    }

    private final Client client;
    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    Traffic(Client client) {
        this.client = client;
    }

    /** A citizen filing complete applications, one after another. */
    Traffic citizenFiling(Node node, String citizen, Map<String, String> materials) {
        return loop(node.name() + "-file-" + citizen, () -> {
            Client.Reply r = client.post(node, citizen, "/api/cases",
                    Map.of("bundleCode", "birth", "form", BirthApplication.form(), "materials", materials));
            String caseId = r.status() == 201 ? r.json().get("id").asText() : null;
            calls.add(new Call(node.name(), "submit", citizen, Instant.now(), r, caseId, null, null));
        });
    }

    /** A citizen looking at their cases. */
    Traffic citizenReading(Node node, String citizen) {
        return loop(node.name() + "-read-" + citizen, () -> calls.add(new Call(node.name(), "list", citizen,
                Instant.now(), client.get(node, citizen, "/api/cases?size=5"), null, null, null)));
    }

    /**
     * Officers taking turns: each opens the inbox and approves one of the first open tasks it offers whose case
     * `workable` allows.
     */
    Traffic officersApproving(Node node, List<String> officers, Predicate<String> workable) {
        int[] turn = {ThreadLocalRandom.current().nextInt(officers.size())};
        return loop(node.name() + "-officers", () -> {
            String officer = officers.get(turn[0]++ % officers.size());
            Client.Reply inbox = client.get(node, officer, "/api/tasks?view=open&size=20");
            calls.add(new Call(node.name(), "inbox", officer, Instant.now(), inbox, null, null, null));
            if (inbox.status() != 200) {
                return;
            }
            List<JsonNode> open = new ArrayList<>();
            inbox.json().get("items").forEach(t -> {
                if ((t.get("assignee").isNull() || officer.equals(t.get("assignee").asText()))
                        && workable.test(t.get("caseId").asText())) {
                    open.add(t);
                }
            });
            if (open.isEmpty()) {
                return;
            }
            JsonNode task = open.get(ThreadLocalRandom.current().nextInt(Math.min(5, open.size())));
            String taskId = task.get("id").asText();
            Client.Reply done = client.post(node, officer, "/api/tasks/" + taskId + "/complete",
                    Map.of("decision", "approve", "comment", "材料齐全，同意办理"));
            calls.add(new Call(node.name(), "complete", officer, Instant.now(), done, task.get("caseId").asText(), taskId,
                    task.get("itemCode").asText()));
        });
    }

    private Traffic loop(String name, Runnable step) {
        Thread t = new Thread(() -> {
            while (running) {
                try {
                    step.run();
                } catch (RuntimeException | AssertionError e) {
                    calls.add(new Call("?", "error", name, Instant.now(), new Client.Reply(0, null, "", 
                            e instanceof Exception ex ? ex : new RuntimeException(e)), null, null, null));
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "traffic-" + name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
        return this;
    }

    /** Stops every user and waits for the requests in flight to be answered. */
    List<Call> stop() throws InterruptedException {
        running = false;
        for (Thread t : threads) {
            t.join(60_000);
        }
        return List.copyOf(calls);
    }

    List<Call> soFar() {
        return List.copyOf(calls);
    }

    static Set<String> createdCases(List<Call> calls) {
        return calls.stream().filter(c -> c.kind().equals("submit") && c.status() == 201).map(Call::caseId)
                .collect(Collectors.toSet());
    }

    static List<Call> completed(List<Call> calls) {
        return calls.stream().filter(c -> c.kind().equals("complete") && c.ok()).toList();
    }
}
