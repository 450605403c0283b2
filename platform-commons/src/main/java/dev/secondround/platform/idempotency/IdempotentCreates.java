package dev.secondround.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.secondround.platform.problem.ProblemException;
import dev.secondround.platform.problem.ProblemType;
import dev.secondround.platform.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} on creates, scoped by tenant and caller. The first request claims the key
 * in its own committed transaction; the create and the stored response commit together. A retry with
 * the same key and body replays the stored response; another body gets 422; a retry while the first
 * is still running gets 409. A failed create releases the key, so the client can retry it.
 */
@ApplicationScoped
public class IdempotentCreates {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern KEY_FORMAT = Pattern.compile("^[\\x21-\\x7E]{1,200}$");
    /** A claim this old whose request never finished (crash, kill) may be taken over. */
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);
    /** How long a key is remembered; after that the same key is a new request (Stripe keeps 24 h too). */
    public static final Duration RETENTION = Duration.ofHours(24);

    /** The claim token: the claim's creation time in microseconds since the epoch. */
    private static final String TOKEN = "(extract(epoch from created_at) * 1000000)::bigint";

    private final EntityManager em;
    private final Caller caller;
    private final ObjectMapper canonicalJson;
    private final ObjectMapper json;

    public IdempotentCreates(EntityManager em, Caller caller, ObjectMapper objectMapper) {
        this.em = em;
        this.caller = caller;
        this.json = objectMapper;
        this.canonicalJson = objectMapper.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    /**
     * Runs {@code create} once per key. {@code operation} names the endpoint (e.g. "POST /v1/candidates")
     * so one key reused on another endpoint is also a different request.
     */
    public Response create(String key, String operation, Object requestBody, Supplier<Response> create) {
        if (key == null) {
            return QuarkusTransaction.joiningExisting().call(create::get);
        }
        if (!KEY_FORMAT.matcher(key).matches()) {
            throw ProblemException.invalidField(HEADER, "must be 1 to 200 visible ASCII characters");
        }
        String tenant = caller.tenant();
        String subject = caller.subject();
        String requestHash = hash(operation, requestBody);

        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<Long> claim = claim(tenant, subject, key, requestHash);
            if (claim.isPresent()) {
                return runAndRemember(tenant, subject, key, claim.get(), create);
            }
            List<?> existing = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                    select request_hash, state, response_status, response_body, response_location, response_etag
                    from idempotency_key where tenant_id = :tenant and caller = :caller and idempotency_key = :key""")
                    .setParameter("tenant", tenant).setParameter("caller", subject).setParameter("key", key)
                    .getResultList());
            if (existing.isEmpty()) {
                continue; // the first request failed and released the key in between: claim again
            }
            Object[] row = (Object[]) existing.get(0);
            if (!requestHash.equals(row[0])) {
                throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                        "this Idempotency-Key was used for a different request; use a new key for a new request");
            }
            if ("IN_FLIGHT".equals(row[1])) {
                Optional<Long> takenOver = takeOverAbandoned(tenant, subject, key);
                if (takenOver.isPresent()) {
                    return runAndRemember(tenant, subject, key, takenOver.get(), create);
                }
                throw new ProblemException(ProblemType.IDEMPOTENCY_IN_FLIGHT,
                        "the first request with this Idempotency-Key is still being processed; retry shortly");
            }
            return replay(((Number) row[2]).intValue(), (String) row[3], (String) row[4], (String) row[5]);
        }
        throw new ProblemException(ProblemType.IDEMPOTENCY_IN_FLIGHT, "could not claim the Idempotency-Key; retry shortly");
    }

    /**
     * Claims the key; the answer is the claim's token (its creation time in microseconds), which every
     * later step of this request names, so a request can only complete or release its own claim.
     */
    private Optional<Long> claim(String tenant, String subject, String key, String requestHash) {
        return QuarkusTransaction.requiringNew().call(() -> {
            // Forget this caller's expired keys as we go: no cross-tenant purge job is needed, and an
            // expired key can be used again.
            em.createNativeQuery("""
                    delete from idempotency_key
                    where tenant_id = :tenant and caller = :caller and created_at < now() - make_interval(secs => :retention)""")
                    .setParameter("tenant", tenant).setParameter("caller", subject)
                    .setParameter("retention", (double) RETENTION.toSeconds())
                    .executeUpdate();
            return token(em.createNativeQuery("""
                    insert into idempotency_key (tenant_id, caller, idempotency_key, request_hash, state, created_at)
                    values (:tenant, :caller, :key, :hash, 'IN_FLIGHT', clock_timestamp())
                    on conflict do nothing
                    returning """ + TOKEN)
                    .setParameter("tenant", tenant).setParameter("caller", subject).setParameter("key", key)
                    .setParameter("hash", requestHash)
                    .getResultList());
        });
    }

    /** One conditional update: of many retries finding the same abandoned claim, exactly one wins it. */
    private Optional<Long> takeOverAbandoned(String tenant, String subject, String key) {
        return QuarkusTransaction.requiringNew().call(() -> token(em.createNativeQuery("""
                update idempotency_key set created_at = clock_timestamp()
                where tenant_id = :tenant and caller = :caller and idempotency_key = :key
                  and state = 'IN_FLIGHT' and created_at < now() - make_interval(secs => :abandoned)
                returning """ + TOKEN)
                .setParameter("tenant", tenant).setParameter("caller", subject).setParameter("key", key)
                .setParameter("abandoned", (double) ABANDONED_AFTER.toSeconds())
                .getResultList()));
    }

    private Response runAndRemember(String tenant, String subject, String key, long claim, Supplier<Response> create) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Response response = create.get();
                String body = response.hasEntity() ? json.writeValueAsString(response.getEntity()) : null;
                int stored = em.createNativeQuery("""
                        update idempotency_key set state = 'COMPLETED', response_status = :status, response_body = :body,
                               response_location = :location, response_etag = :etag
                        where tenant_id = :tenant and caller = :caller and idempotency_key = :key
                          and state = 'IN_FLIGHT' and """ + TOKEN + " = :claim")
                        .setParameter("status", response.getStatus())
                        .setParameter("body", body)
                        .setParameter("location", response.getLocation() == null ? null : response.getLocation().toString())
                        .setParameter("etag", response.getHeaderString(HttpHeaders.ETAG))
                        .setParameter("tenant", tenant).setParameter("caller", subject).setParameter("key", key)
                        .setParameter("claim", claim)
                        .executeUpdate();
                if (stored != 1) {
                    // This request ran so long that a retry took the key over: roll back, the retry wins.
                    throw new ProblemException(ProblemType.IDEMPOTENCY_IN_FLIGHT,
                            "a retry with this Idempotency-Key took over; its answer is the one that counts");
                }
                return response;
            });
        } catch (RuntimeException e) {
            release(tenant, subject, key, claim);
            throw e;
        }
    }

    private void release(String tenant, String subject, String key, long claim) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        delete from idempotency_key
                        where tenant_id = :tenant and caller = :caller and idempotency_key = :key
                          and state = 'IN_FLIGHT' and """ + TOKEN + " = :claim")
                .setParameter("tenant", tenant).setParameter("caller", subject).setParameter("key", key)
                .setParameter("claim", claim)
                .executeUpdate());
    }

    private static Optional<Long> token(List<?> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(((Number) rows.get(0)).longValue());
    }

    private static Response replay(int status, String body, String location, String etag) {
        Response.ResponseBuilder response = Response.status(status).header(REPLAYED_HEADER, "true");
        if (body != null) {
            response.entity(body).type(MediaType.APPLICATION_JSON_TYPE);
        }
        if (location != null) {
            response.header(HttpHeaders.LOCATION, location);
        }
        if (etag != null) {
            response.header(HttpHeaders.ETAG, etag);
        }
        return response.build();
    }

    private String hash(String operation, Object requestBody) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(operation.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            digest.update(canonicalJson.writeValueAsBytes(requestBody));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint the request", e);
        }
    }
}
