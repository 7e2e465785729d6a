package cn.onething.rating;

import java.time.LocalDate;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.onething.rating.RatingRepository.RatingRow;

/**
 * rating_day, the dashboards' pre-aggregate: per day and bucket (department, bundle, subject, channel,
 * officer) the number of ratings, of good (4-5) and bad (1-2) ones and the sum of levels. RatingRepository
 * calls it in the same transaction as every insert and change of a rating, so the sums are always those
 * of the rating table (a rolled-back rating rolls its counts back too).
 *
 * <p>Concurrency: update-then-insert, with a retry on duplicate key. {@code update … set ratings = ratings
 * + ?} takes the bucket's row lock and adds to the latest committed value, so concurrent ratings of an
 * existing bucket queue on the row and none is lost. Only the first rating of a bucket inserts; if another
 * transaction inserted the same bucket meanwhile, the unique key rejects ours (PostgreSQL waits for that
 * transaction first) and we update its row instead. The insert runs in a savepoint (a nested
 * transaction) because a failed statement aborts a PostgreSQL transaction. Why not a per-bucket lock:
 * before its first rating there is no row to lock, and a coarser lock (the table, an advisory lock) would
 * be PostgreSQL-only or serialise all ratings. Why not {@code insert … on conflict do update}: not in H2,
 * the embedded default, and MERGE raises the same duplicate key under concurrent inserts on PostgreSQL.
 * Deadlocks: a transaction touches one rating and then its one bucket, always in that order.
 */
@Repository
class RatingDays {

    private static final int ATTEMPTS = 3;

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;

    RatingDays(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** A bucket: every rating of a day with the same department, bundle, subject, channel and officer. */
    record Bucket(LocalDate ratedOn, String department, String bundleCode, String subject, String channel,
            String officer) {

        Bucket {
            officer = officer == null ? "" : officer;
        }
    }

    /** A new rating: one more in its bucket. */
    void rated(RatingRow r) {
        add(new Bucket(r.ratedAt().toLocalDate(), r.department(), r.bundleCode(), r.subject(), r.channel().name(),
                r.officer()), 1, r.level());
    }

    /**
     * Before a rating's level changes to {@code level}: locks the rating (so that two changes of it at once
     * read each other's level, not the same old one) and moves it out of its bucket at the old level and
     * back in at the new one. The level is no part of the bucket's key: both happen on one row.
     */
    void changing(String ratingId, int level) {
        record Old(Bucket bucket, int level) {
        }
        Old old = jdbc.sql("""
                select rated_on, department, bundle_code, subject, channel, officer, level from rating
                where id = ? for update""").param(ratingId)
                .query((rs, n) -> new Old(new Bucket(rs.getObject(1, LocalDate.class), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)), rs.getInt(7)))
                .optional().orElse(null);
        if (old == null || old.level() == level) {
            return;
        }
        apply(old.bucket(), 0, good(level) - good(old.level()), bad(level) - bad(old.level()), level - old.level());
    }

    /** Adds (or with a negative count, removes) ratings of one level to a bucket. */
    void add(Bucket bucket, int ratings, int level) {
        apply(bucket, ratings, ratings * good(level), ratings * bad(level), ratings * level);
    }

    private void apply(Bucket b, int ratings, int good, int bad, int levelSum) {
        for (int attempt = 1;; attempt++) {
            int updated = jdbc.sql("""
                    update rating_day set ratings = ratings + ?, good = good + ?, bad = bad + ?,
                                          level_sum = level_sum + ?
                    where rated_on = ? and department = ? and bundle_code = ? and subject = ? and channel = ?
                      and officer = ?""")
                    .params(ratings, good, bad, levelSum, b.ratedOn(), b.department(), b.bundleCode(), b.subject(),
                            b.channel(), b.officer())
                    .update();
            if (updated > 0) {
                return;
            }
            try {
                savepoint.executeWithoutResult(s -> jdbc.sql("""
                        insert into rating_day (rated_on, department, bundle_code, subject, channel, officer,
                                                ratings, good, bad, level_sum)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(b.ratedOn(), b.department(), b.bundleCode(), b.subject(), b.channel(), b.officer(),
                                ratings, good, bad, levelSum)
                        .update());
                return;
            } catch (DuplicateKeyException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                // another transaction made the bucket since our update: add to its row
            }
        }
    }

    private static int good(int level) {
        return level >= RatingLevel.SATISFIED.value ? 1 : 0;
    }

    private static int bad(int level) {
        return RatingLevel.bad(level) ? 1 : 0;
    }
}
