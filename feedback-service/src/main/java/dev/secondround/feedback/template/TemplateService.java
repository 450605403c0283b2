package dev.secondround.feedback.template;

import dev.secondround.feedback.template.TemplateApi.TemplateRequest;
import dev.secondround.platform.api.Text;
import dev.secondround.platform.concurrency.IfMatch;
import dev.secondround.platform.paging.KeysetQuery;
import dev.secondround.platform.paging.Page;
import dev.secondround.platform.paging.PageParams;
import dev.secondround.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class TemplateService {

    private final EntityManager em;

    public TemplateService(EntityManager em) {
        this.em = em;
    }

    public ScorecardTemplate create(TemplateRequest request) {
        requireNameFree(request.name(), null);
        ScorecardTemplate template = new ScorecardTemplate();
        apply(template, request);
        em.persist(template);
        em.flush();
        return template;
    }

    public ScorecardTemplate require(UUID id) {
        return Optional.ofNullable(em.find(ScorecardTemplate.class, id)).orElseThrow(() -> ProblemException.notFound("scorecard template"));
    }

    public Page<ScorecardTemplate> list(UUID jobId, Boolean active, PageParams page) {
        return KeysetQuery.of(ScorecardTemplate.class)
                .andIf(jobId != null, "e.jobId = :job", "job", jobId)
                .andIf(active != null, "e.active = :active", "active", active)
                .page(em, page);
    }

    public ScorecardTemplate update(UUID id, IfMatch ifMatch, TemplateRequest request) {
        ScorecardTemplate template = require(id);
        ifMatch.check(template.getVersion());
        requireNameFree(request.name(), id);
        apply(template, request);
        em.flush();
        return template;
    }

    /**
     * The template for a participant's session: the most specific active match (job, then round,
     * then session kind; the newest on a tie). The tenant's two default templates are stored the
     * first time nothing matches, so every request points at a real, editable template.
     */
    public ScorecardTemplate choose(UUID jobId, Integer round, String sessionKind, ScorecardTemplate.Form form) {
        List<ScorecardTemplate> active = em.createQuery("select t from ScorecardTemplate t where t.active = true", ScorecardTemplate.class)
                .getResultList();
        Optional<ScorecardTemplate> best = active.stream()
                // The form first: a tour guide never gets a job's full interview scorecard, nor an interviewer a light one.
                .filter(t -> t.form == form && t.specificityFor(jobId, round, sessionKind) >= 0)
                .max(Comparator.<ScorecardTemplate>comparingInt(t -> t.specificityFor(jobId, round, sessionKind))
                        .thenComparing(ScorecardTemplate::getUpdatedAt));
        if (best.isPresent()) {
            return best.get();
        }
        boolean light = form == ScorecardTemplate.Form.LIGHT;
        String name = light ? DefaultTemplates.LIGHT_NAME : DefaultTemplates.FULL_NAME;
        // An admin may have deactivated or narrowed the stored default: then reuse it as it is rather than duplicate it.
        List<ScorecardTemplate> stored = em.createQuery("select t from ScorecardTemplate t where lower(t.name) = lower(:name)",
                ScorecardTemplate.class).setParameter("name", name).getResultList();
        if (!stored.isEmpty()) {
            return stored.get(0);
        }
        ScorecardTemplate created = light ? DefaultTemplates.light() : DefaultTemplates.full();
        em.persist(created);
        em.flush();
        return created;
    }

    private void requireNameFree(String name, UUID except) {
        Long taken = em.createQuery("select count(t) from ScorecardTemplate t where lower(t.name) = lower(:name) and t.id <> :except",
                        Long.class)
                .setParameter("name", name.strip()).setParameter("except", except == null ? new UUID(0, 0) : except)
                .getSingleResult();
        if (taken > 0) {
            throw ProblemException.conflict("a scorecard template named '" + name.strip() + "' already exists");
        }
    }

    private static void apply(ScorecardTemplate template, TemplateRequest request) {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < request.attributes().size(); i++) {
            if (!keys.add(request.attributes().get(i).key())) {
                throw ProblemException.invalidField("attributes[" + i + "].key", "'" + request.attributes().get(i).key()
                        + "' is used twice; every attribute needs its own key");
            }
        }
        template.name = request.name().strip();
        template.description = Text.clean(request.description());
        template.form = request.form();
        template.jobId = request.jobId();
        template.round = request.round();
        template.sessionKinds = new ArrayList<>(request.sessionKinds() == null ? List.of()
                : request.sessionKinds().stream().distinct().toList());
        template.attributes = new ArrayList<>(request.attributes().stream()
                .map(a -> new ScorecardTemplate.Attribute(a.key(), a.name().strip(), Text.clean(a.description()))).toList());
        template.keyQuestions = new ArrayList<>(request.keyQuestions() == null ? List.of()
                : request.keyQuestions().stream().map(String::strip).toList());
        template.active = request.active() == null || request.active();
    }
}
