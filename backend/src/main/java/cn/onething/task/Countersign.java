package cn.onething.task;

import java.time.OffsetDateTime;
import java.util.List;

import cn.onething.casefile.Decision;

/**
 * 加签 / 会签 on an item's task: officers of any department sign it one after another before its officer decides
 * (前加签), after the officer decided (后加签: the decision waits for them), or all at once under a rule (会签).
 *
 * @param pendingDecision 后加签: the officer's decision, taken in their name once the last signer agrees
 */
public record Countersign(long id, Mode mode, Rule rule, Status status, String requestedBy, String requestedByName,
        OffsetDateTime requestedAt, String note, Decision pendingDecision, List<Signer> signers) {

    public enum Mode {
        BEFORE("前加签"), AFTER("后加签"), PARALLEL("会签");

        final String label;

        Mode(String label) {
            this.label = label;
        }

        boolean sequential() {
            return this != PARALLEL;
        }
    }

    public enum Rule {
        ALL("全体同意"), ANY("一人同意即可"), MAJORITY("过半数同意");

        final String label;

        Rule(String label) {
            this.label = label;
        }

        /** PASSED or REJECTED once the signatures so far settle it, else OPEN. */
        Status outcome(long agreed, long disagreed, long signers) {
            return switch (this) {
                case ALL -> disagreed > 0 ? Status.REJECTED : agreed == signers ? Status.PASSED : Status.OPEN;
                case ANY -> agreed > 0 ? Status.PASSED : disagreed == signers ? Status.REJECTED : Status.OPEN;
                case MAJORITY -> agreed * 2 > signers ? Status.PASSED
                        : disagreed * 2 >= signers ? Status.REJECTED : Status.OPEN;
            };
        }
    }

    public enum Status {
        OPEN, PASSED, REJECTED, CANCELLED
    }

    /** WAITING for their turn, ACTIVE with a task to sign, then how they signed or why they did not. */
    public enum SignerState {
        WAITING, ACTIVE, AGREED, DISAGREED, REMOVED, SKIPPED;

        boolean unsigned() {
            return this == WAITING || this == ACTIVE;
        }
    }

    /** @param position the order of signing in 前加签 / 后加签 */
    public record Signer(String username, String name, int position, SignerState state, String opinion,
            OffsetDateTime signedAt) {
    }

    /** What a signer's own task belongs to: the host task and how its countersign goes. */
    public record SignTask(long countersignId, String hostTaskId, Mode mode, Rule rule, String requestedByName) {
    }
}
