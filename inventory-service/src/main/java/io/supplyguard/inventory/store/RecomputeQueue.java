package io.supplyguard.inventory.store;

import io.supplyguard.inventory.position.PositionKey;
import io.supplyguard.inventory.store.PositionRepository.Selection;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * The recompute work every replica shares (tables recompute_job, recompute_change and
 * recompute_part; V10 says why). Jobs run in id order: a job's parts are claimed only once every
 * earlier job is done, so that a later change's recompute never races an earlier one's on the
 * same position. Claims are serialised by the head job's row lock and take milliseconds; the
 * work itself runs outside it.
 */
public final class RecomputeQueue {
  /**
   * Serialises enqueues, so that a change joins a waiting job or starts one, never both. An
   * arbitrary constant, unique among the inventory-service's advisory locks.
   */
  private static final String ENQUEUE_LOCK = "SELECT pg_advisory_xact_lock(5302100)";
  private static final String KNOWN = "SELECT job_id FROM recompute_change WHERE change_id = $1";
  private static final String FOLD = """
      UPDATE recompute_job SET changes = changes + 1
      WHERE id = (SELECT id FROM recompute_job WHERE state = 'PENDING' AND selection_key = $1 AND as_of = $2
                  ORDER BY id DESC LIMIT 1)
        AND state = 'PENDING'
      RETURNING id""";
  private static final String NEW_JOB = """
      INSERT INTO recompute_job (selection, selection_key, reason, as_of, due_at)
      VALUES ($1::jsonb, $2, $3, $4, now() + $5 * interval '1 millisecond')
      RETURNING id""";
  private static final String REMEMBER = "INSERT INTO recompute_change (change_id, job_id) VALUES ($1, $2)";
  private static final String HEAD = """
      SELECT id, selection, reason, changes, as_of, state, exhausted, cursor_tenant, cursor_site, cursor_material,
             greatest(0, ceil(extract(epoch FROM due_at - now()) * 1000))::bigint AS wait_ms
      FROM recompute_job WHERE state <> 'DONE' ORDER BY id LIMIT 1 FOR UPDATE""";
  private static final String TAKE_OVER = """
      UPDATE recompute_part SET owner = $2, claim = $3, lease_until = now() + $4 * interval '1 millisecond',
                                claims = claims + 1
      WHERE (job_id, part) = (SELECT job_id, part FROM recompute_part
                              WHERE job_id = $1 AND state = 'CLAIMED' AND lease_until < now()
                              ORDER BY part LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING part, after_tenant, after_site, after_material, upto_tenant, upto_site, upto_material""";
  private static final String NEW_PART = """
      INSERT INTO recompute_part (job_id, part, after_tenant, after_site, after_material, upto_tenant, upto_site,
                                  upto_material, owner, claim, lease_until)
      SELECT $1, coalesce(max(part), 0) + 1, $2::text, $3::text, $4::text, $5::text, $6::text, $7::text, $8::text,
             $9::uuid, now() + $10 * interval '1 millisecond'
      FROM recompute_part WHERE job_id = $1
      RETURNING part""";
  private static final String ADVANCE = """
      UPDATE recompute_job SET cursor_tenant = $2, cursor_site = $3, cursor_material = $4, exhausted = $5,
                               state = 'RUNNING', started_at = coalesce(started_at, now())
      WHERE id = $1""";
  private static final String EXHAUSTED = """
      UPDATE recompute_job SET exhausted = true, state = 'RUNNING', started_at = coalesce(started_at, now())
      WHERE id = $1""";
  private static final String PROGRESS = """
      SELECT count(*) FILTER (WHERE state = 'CLAIMED') AS open,
             coalesce(greatest(0, ceil(extract(epoch FROM min(lease_until) FILTER (WHERE state = 'CLAIMED') - now())
                                       * 1000)), 0)::bigint AS wait_ms,
             coalesce(sum(positions), 0) AS positions, coalesce(sum(alerts), 0) AS alerts
      FROM recompute_part WHERE job_id = $1""";
  private static final String FINISH = """
      UPDATE recompute_job SET state = 'DONE', finished_at = now() WHERE id = $1
      RETURNING (extract(epoch FROM finished_at - coalesce(started_at, created_at)) * 1000)::bigint AS took_ms""";
  private static final String COMPLETE = """
      UPDATE recompute_part SET state = 'DONE', positions = $4, alerts = $5, done_at = now()
      WHERE job_id = $1 AND part = $2 AND claim = $3 AND state = 'CLAIMED'""";
  private static final String PURGE = """
      DELETE FROM recompute_job WHERE state = 'DONE' AND finished_at < now() - $1 * interval '1 millisecond'""";

  /** A job: the positions a change (or several, folded) reaches, recomputed as of a date. */
  public record Job(long id, Selection selection, String reason, int changes, LocalDate asOf) {
  }

  /** A part of a job claimed by one replica until its lease ends: the selected positions in (after, upto]. */
  public record Part(Job job, int number, PositionKey after, PositionKey upto, UUID claim, boolean takenOver) {
  }

  /** What a replica should do next. */
  public sealed interface Next {
    /** Recompute this part and complete it. */
    record Claimed(Part part) implements Next {
    }

    /** This replica completed the job's last part: say so. */
    record Finished(Job job, int positions, int alerts, Duration took) implements Next {
    }

    /** Nothing to claim before {@code delay} (a job settling, or parts others hold). */
    record Wait(Duration delay) implements Next {
    }

    /** No job is open. */
    record Idle() implements Next {
    }
  }

  /** Who claims and for how long. */
  public record Claimant(String owner, Duration lease, int partSize) {
  }

  /** The part was taken over after its lease ended: its positions are another replica's now. */
  public static final class LeaseLost extends RuntimeException {
    LeaseLost(Part part) {
      super("The lease on part " + part.number() + " of recompute job " + part.job().id() + " ended before it was stored");
    }
  }

  private final Pool pool;
  private final PositionRepository positions;

  public RecomputeQueue(Pool pool, PositionRepository positions) {
    this.pool = pool;
    this.positions = positions;
  }

  /**
   * Records a change once, however many replicas heard it: it joins a waiting job over the same
   * positions, or starts one due after {@code settle}. Answers the job's id.
   */
  public Future<Long> enqueue(String changeId, Selection selection, String reason, LocalDate asOf, Duration settle) {
    JsonObject json = SelectionJson.of(selection);
    return pool.withTransaction(tx -> tx.query(ENQUEUE_LOCK).execute()
        .compose(locked -> tx.preparedQuery(KNOWN).execute(Tuple.of(changeId)))
        .compose(known -> known.size() > 0 ? Future.succeededFuture(known.iterator().next().getLong("job_id"))
            : tx.preparedQuery(FOLD).execute(Tuple.of(json.encode(), asOf))
                .compose(folded -> folded.size() > 0 ? Future.succeededFuture(folded.iterator().next().getLong("id"))
                    : tx.preparedQuery(NEW_JOB).execute(Tuple.of(json, json.encode(), reason, asOf,
                        settle.toMillis())).map(created -> created.iterator().next().getLong("id")))
                .compose(jobId -> tx.preparedQuery(REMEMBER).execute(Tuple.of(changeId, jobId)).map(jobId))));
  }

  /** Claims the next part of the head job, takes over one whose lease ended, or finishes the job. */
  public Future<Next> next(Claimant claimant) {
    return pool.withTransaction(tx -> tx.query(HEAD).execute().compose(rows -> {
      if (rows.size() == 0) {
        return Future.succeededFuture(new Next.Idle());
      }
      Row head = rows.iterator().next();
      if ("PENDING".equals(head.getString("state")) && head.getLong("wait_ms") > 0) {
        return Future.succeededFuture(new Next.Wait(Duration.ofMillis(head.getLong("wait_ms"))));
      }
      Job job = job(head);
      UUID claim = UUID.randomUUID();
      return tx.preparedQuery(TAKE_OVER).execute(Tuple.of(job.id(), claimant.owner(), claim,
          claimant.lease().toMillis())).compose(taken -> taken.size() > 0
              ? Future.succeededFuture(new Next.Claimed(part(job, taken.iterator().next(), claim, true)))
              : head.getBoolean("exhausted") ? progress(tx, job) : split(tx, job, cursor(head), claimant, claim));
    }));
  }

  /**
   * Marks a part done in the transaction that stored it; fails with {@link LeaseLost} (and so
   * rolls that transaction back) when another replica has claimed it since.
   */
  public Future<Void> complete(SqlConnection tx, Part part, int positionsStored, int alertsRaised) {
    return tx.preparedQuery(COMPLETE).execute(Tuple.of(part.job().id(), part.number(), part.claim(), positionsStored,
        alertsRaised)).compose(updated -> updated.rowCount() == 1 ? Future.<Void>succeededFuture()
            : Future.failedFuture(new LeaseLost(part)));
  }

  /** Deletes the jobs finished longer than {@code age} ago, with their parts and changes. */
  public Future<Integer> purgeFinished(Duration age) {
    return pool.preparedQuery(PURGE).execute(Tuple.of(age.toMillis())).map(rows -> rows.rowCount());
  }

  private Future<Next> split(SqlClient tx, Job job, PositionKey cursor, Claimant claimant, UUID claim) {
    return positions.bound(tx, job.selection(), cursor, claimant.partSize()).compose(bound -> {
      if (bound.isEmpty()) {
        return tx.preparedQuery(EXHAUSTED).execute(Tuple.of(job.id())).compose(v -> progress(tx, job));
      }
      PositionKey upto = bound.get().upto();
      PositionKey after = cursor == null ? PositionKey.FIRST : cursor;
      boolean last = bound.get().positions() < claimant.partSize();
      return tx.preparedQuery(NEW_PART).execute(Tuple.from(new Object[] {job.id(), after.tenantId(), after.siteId(),
              after.materialId(), upto.tenantId(), upto.siteId(), upto.materialId(), claimant.owner(), claim,
              claimant.lease().toMillis()}))
          .compose(inserted -> tx.preparedQuery(ADVANCE).execute(Tuple.of(job.id(), upto.tenantId(), upto.siteId(),
                  upto.materialId(), last))
              .map(advanced -> new Next.Claimed(new Part(job, inserted.iterator().next().getInteger("part"), after,
                  upto, claim, false))));
    });
  }

  /** Every part handed out: the job is done when none is still claimed. */
  private static Future<Next> progress(SqlClient tx, Job job) {
    return tx.preparedQuery(PROGRESS).execute(Tuple.of(job.id())).compose(rows -> {
      Row row = rows.iterator().next();
      if (row.getLong("open") > 0) {
        return Future.succeededFuture(new Next.Wait(Duration.ofMillis(row.getLong("wait_ms"))));
      }
      int positionsDone = row.getLong("positions").intValue();
      int alertsDone = row.getLong("alerts").intValue();
      return tx.preparedQuery(FINISH).execute(Tuple.of(job.id())).map(finished -> new Next.Finished(job,
          positionsDone, alertsDone, Duration.ofMillis(finished.iterator().next().getLong("took_ms"))));
    });
  }

  private static Job job(Row row) {
    return new Job(row.getLong("id"), SelectionJson.from(row.getJsonObject("selection")),
        row.getString("reason"), row.getInteger("changes"), row.getLocalDate("as_of"));
  }

  private static PositionKey cursor(Row row) {
    String tenant = row.getString("cursor_tenant");
    return tenant == null ? null
        : new PositionKey(tenant, row.getString("cursor_site"), row.getString("cursor_material"));
  }

  private static Part part(Job job, Row row, UUID claim, boolean takenOver) {
    return new Part(job, row.getInteger("part"), new PositionKey(row.getString("after_tenant"),
        row.getString("after_site"), row.getString("after_material")), new PositionKey(row.getString("upto_tenant"),
        row.getString("upto_site"), row.getString("upto_material")), claim, takenOver);
  }
}
