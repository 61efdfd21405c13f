package io.supplyguard.inventory.store;

import io.supplyguard.common.db.NamedSql;
import io.supplyguard.common.db.SqlParams;
import io.supplyguard.inventory.position.PositionKey;
import io.supplyguard.inventory.store.PositionRepository.Selection;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
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
  private static final NamedSql KNOWN =
      NamedSql.of("SELECT job_id FROM recompute_change WHERE change_id = #{changeId}");
  private static final NamedSql FOLD = NamedSql.of("""
      UPDATE recompute_job SET changes = changes + 1
      WHERE id = (SELECT id FROM recompute_job WHERE state = 'PENDING' AND selection_key = #{selectionKey}
                    AND as_of = #{asOf}
                  ORDER BY id DESC LIMIT 1)
        AND state = 'PENDING'
      RETURNING id""");
  private static final NamedSql NEW_JOB = NamedSql.of("""
      INSERT INTO recompute_job (selection, selection_key, reason, as_of, due_at)
      VALUES (#{selection}::jsonb, #{selectionKey}, #{reason}, #{asOf}, now() + #{settleMs} * interval '1 millisecond')
      RETURNING id""");
  private static final NamedSql REMEMBER =
      NamedSql.of("INSERT INTO recompute_change (change_id, job_id) VALUES (#{changeId}, #{jobId})");
  private static final String HEAD = """
      SELECT id, selection, reason, changes, as_of, state, exhausted, cursor_tenant, cursor_site, cursor_material,
             greatest(0, ceil(extract(epoch FROM due_at - now()) * 1000))::bigint AS wait_ms
      FROM recompute_job WHERE state <> 'DONE' ORDER BY id LIMIT 1 FOR UPDATE""";
  private static final NamedSql TAKE_OVER = NamedSql.of("""
      UPDATE recompute_part SET owner = #{owner}, claim = #{claim},
                                lease_until = now() + #{leaseMs} * interval '1 millisecond', claims = claims + 1
      WHERE (job_id, part) = (SELECT job_id, part FROM recompute_part
                              WHERE job_id = #{jobId} AND state = 'CLAIMED' AND lease_until < now()
                              ORDER BY part LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING part, after_tenant, after_site, after_material, upto_tenant, upto_site, upto_material""");
  private static final NamedSql NEW_PART = NamedSql.of("""
      INSERT INTO recompute_part (job_id, part, after_tenant, after_site, after_material, upto_tenant, upto_site,
                                  upto_material, owner, claim, lease_until)
      SELECT #{jobId}, coalesce(max(part), 0) + 1, #{afterTenant}::text, #{afterSite}::text, #{afterMaterial}::text,
             #{uptoTenant}::text, #{uptoSite}::text, #{uptoMaterial}::text, #{owner}::text, #{claim}::uuid,
             now() + #{leaseMs} * interval '1 millisecond'
      FROM recompute_part WHERE job_id = #{jobId}
      RETURNING part""");
  private static final NamedSql ADVANCE = NamedSql.of("""
      UPDATE recompute_job SET cursor_tenant = #{cursorTenant}, cursor_site = #{cursorSite},
                               cursor_material = #{cursorMaterial}, exhausted = #{exhausted},
                               state = 'RUNNING', started_at = coalesce(started_at, now())
      WHERE id = #{jobId}""");
  private static final NamedSql EXHAUSTED = NamedSql.of("""
      UPDATE recompute_job SET exhausted = true, state = 'RUNNING', started_at = coalesce(started_at, now())
      WHERE id = #{jobId}""");
  private static final NamedSql PROGRESS = NamedSql.of("""
      SELECT count(*) FILTER (WHERE state = 'CLAIMED') AS open,
             coalesce(greatest(0, ceil(extract(epoch FROM min(lease_until) FILTER (WHERE state = 'CLAIMED') - now())
                                       * 1000)), 0)::bigint AS wait_ms,
             coalesce(sum(positions), 0) AS positions, coalesce(sum(alerts), 0) AS alerts
      FROM recompute_part WHERE job_id = #{jobId}""");
  private static final NamedSql FINISH = NamedSql.of("""
      UPDATE recompute_job SET state = 'DONE', finished_at = now() WHERE id = #{jobId}
      RETURNING (extract(epoch FROM finished_at - coalesce(started_at, created_at)) * 1000)::bigint AS took_ms""");
  private static final NamedSql COMPLETE = NamedSql.of("""
      UPDATE recompute_part SET state = 'DONE', positions = #{positions}, alerts = #{alerts}, done_at = now()
      WHERE job_id = #{jobId} AND part = #{part} AND claim = #{claim} AND state = 'CLAIMED'""");
  private static final NamedSql PURGE = NamedSql.of("""
      DELETE FROM recompute_job WHERE state = 'DONE' AND finished_at < now() - #{ageMs} * interval '1 millisecond'""");

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

  private RecomputeQueue() {
  }

  /**
   * Records a change once, however many replicas heard it: it joins a waiting job over the same
   * positions, or starts one due after {@code settle}. Answers the job's id.
   */
  public static Future<Long> enqueue(Pool pool, String changeId, Selection selection, String reason, LocalDate asOf,
      Duration settle) {
    JsonObject json = SelectionJson.of(selection);
    return pool.withTransaction(tx -> tx.query(ENQUEUE_LOCK).execute()
        .compose(locked -> KNOWN.execute(tx, SqlParams.with("changeId", changeId)))
        .compose(known -> known.size() > 0 ? Future.succeededFuture(known.iterator().next().getLong("job_id"))
            : FOLD.execute(tx, SqlParams.with("selectionKey", json.encode()).and("asOf", asOf))
                .compose(folded -> folded.size() > 0 ? Future.succeededFuture(folded.iterator().next().getLong("id"))
                    : NEW_JOB.execute(tx, SqlParams.with("selection", json).and("selectionKey", json.encode())
                            .and("reason", reason).and("asOf", asOf).and("settleMs", settle.toMillis()))
                        .map(created -> created.iterator().next().getLong("id")))
                .compose(jobId -> REMEMBER.execute(tx, SqlParams.with("changeId", changeId).and("jobId", jobId))
                    .map(jobId))));
  }

  /** Claims the next part of the head job, takes over one whose lease ended, or finishes the job. */
  public static Future<Next> next(Pool pool, Claimant claimant) {
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
      return TAKE_OVER.execute(tx, SqlParams.with("jobId", job.id()).and("owner", claimant.owner()).and("claim", claim)
          .and("leaseMs", claimant.lease().toMillis())).compose(taken -> taken.size() > 0
              ? Future.succeededFuture(new Next.Claimed(part(job, taken.iterator().next(), claim, true)))
              : head.getBoolean("exhausted") ? progress(tx, job) : split(tx, job, cursor(head), claimant, claim));
    }));
  }

  /**
   * Marks a part done in the transaction that stored it; fails with {@link LeaseLost} (and so
   * rolls that transaction back) when another replica has claimed it since.
   */
  public static Future<Void> complete(SqlClient tx, Part part, int positionsStored, int alertsRaised) {
    return COMPLETE.execute(tx, SqlParams.with("jobId", part.job().id()).and("part", part.number())
        .and("claim", part.claim()).and("positions", positionsStored).and("alerts", alertsRaised))
        .compose(updated -> updated.rowCount() == 1 ? Future.<Void>succeededFuture()
            : Future.failedFuture(new LeaseLost(part)));
  }

  /** Deletes the jobs finished longer than {@code age} ago, with their parts and changes. */
  public static Future<Integer> purgeFinished(SqlClient client, Duration age) {
    return PURGE.execute(client, SqlParams.with("ageMs", age.toMillis())).map(rows -> rows.rowCount());
  }

  private static Future<Next> split(SqlClient tx, Job job, PositionKey cursor, Claimant claimant, UUID claim) {
    return PositionRepository.bound(tx, job.selection(), cursor, claimant.partSize()).compose(bound -> {
      if (bound.isEmpty()) {
        return EXHAUSTED.execute(tx, SqlParams.with("jobId", job.id())).compose(v -> progress(tx, job));
      }
      PositionKey upto = bound.get().upto();
      PositionKey after = cursor == null ? PositionKey.FIRST : cursor;
      boolean last = bound.get().positions() < claimant.partSize();
      return NEW_PART.execute(tx, SqlParams.with("jobId", job.id()).and("afterTenant", after.tenantId())
              .and("afterSite", after.siteId()).and("afterMaterial", after.materialId())
              .and("uptoTenant", upto.tenantId()).and("uptoSite", upto.siteId()).and("uptoMaterial", upto.materialId())
              .and("owner", claimant.owner()).and("claim", claim).and("leaseMs", claimant.lease().toMillis()))
          .compose(inserted -> ADVANCE.execute(tx, SqlParams.with("jobId", job.id())
                  .and("cursorTenant", upto.tenantId()).and("cursorSite", upto.siteId())
                  .and("cursorMaterial", upto.materialId()).and("exhausted", last))
              .map(advanced -> new Next.Claimed(new Part(job, inserted.iterator().next().getInteger("part"), after,
                  upto, claim, false))));
    });
  }

  /** Every part handed out: the job is done when none is still claimed. */
  private static Future<Next> progress(SqlClient tx, Job job) {
    return PROGRESS.execute(tx, SqlParams.with("jobId", job.id())).compose(rows -> {
      Row row = rows.iterator().next();
      if (row.getLong("open") > 0) {
        return Future.succeededFuture(new Next.Wait(Duration.ofMillis(row.getLong("wait_ms"))));
      }
      int positionsDone = row.getLong("positions").intValue();
      int alertsDone = row.getLong("alerts").intValue();
      return FINISH.execute(tx, SqlParams.with("jobId", job.id())).map(finished -> new Next.Finished(job,
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
