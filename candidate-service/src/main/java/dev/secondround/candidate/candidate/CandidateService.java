package dev.secondround.candidate.candidate;

import dev.secondround.platform.api.Text;
import dev.secondround.candidate.candidate.CandidateApi.CandidateRequest;
import dev.secondround.platform.concurrency.IfMatch;
import dev.secondround.platform.paging.KeysetQuery;
import dev.secondround.platform.paging.Like;
import dev.secondround.platform.paging.Page;
import dev.secondround.platform.paging.PageParams;
import dev.secondround.platform.problem.ProblemException;
import dev.secondround.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class CandidateService {

    private final CandidateRepository candidates;
    private final Caller caller;

    public CandidateService(CandidateRepository candidates, Caller caller) {
        this.candidates = candidates;
        this.caller = caller;
    }

    public Candidate create(CandidateRequest request) {
        if (candidates.emailTaken(request.email(), null)) {
            throw ProblemException.conflict("a candidate with email " + request.email() + " already exists");
        }
        Candidate candidate = new Candidate();
        apply(candidate, request);
        candidates.persistAndFlush(candidate);
        return candidate;
    }

    public Optional<Candidate> find(UUID id) {
        return candidates.findByIdOptional(id);
    }

    public Candidate require(UUID id) {
        return find(id).orElseThrow(() -> ProblemException.notFound("candidate"));
    }

    /** Search by part of the name or email ({@code q}), exact email, and tag; newest changes last. */
    public Page<Candidate> search(String q, String email, String tag, PageParams page) {
        boolean hasQ = q != null && !q.isBlank();
        String pattern = hasQ ? Like.contains(q) : null;
        return KeysetQuery.of(Candidate.class)
                .andIf(hasQ, "lower(e.firstName) like :q or lower(e.lastName) like :q or lower(e.email) like :q"
                        + " or lower(concat(e.firstName, ' ', e.lastName)) like :q", "q", pattern)
                .andIf(email != null && !email.isBlank(), "lower(e.email) = lower(:email)", "email", email)
                .andIf(tag != null && !tag.isBlank(), "array_contains(e.tags, :tag)", "tag", tag == null ? null : tag.strip().toLowerCase())
                .page(candidates.getEntityManager(), page);
    }

    public Candidate update(UUID id, IfMatch ifMatch, CandidateRequest request) {
        Candidate candidate = require(id);
        ifMatch.check(candidate.getVersion());
        if (candidates.emailTaken(request.email(), id)) {
            throw ProblemException.conflict("a candidate with email " + request.email() + " already exists");
        }
        apply(candidate, request);
        candidates.flush();
        return candidate;
    }

    private void apply(Candidate candidate, CandidateRequest request) {
        candidate.firstName = request.firstName().strip();
        candidate.lastName = request.lastName().strip();
        candidate.email = request.email().strip();
        candidate.phone = Text.clean(request.phone());
        candidate.linkedinUrl = Text.clean(request.linkedinUrl());
        candidate.resumeUrl = Text.clean(request.resumeUrl());
        candidate.source = request.source();
        String owner = Text.clean(request.ownerRecruiter());
        if (owner != null) {
            candidate.ownerSubject = owner;
        } else if (candidate.ownerSubject == null) {
            // A new candidate belongs to whoever adds it; an edit that names no owner keeps the owner.
            candidate.ownerSubject = caller.subject();
        }
        List<String> tags = request.tags() == null ? List.of() : request.tags();
        candidate.tags = new ArrayList<>(new LinkedHashSet<>(tags));
    }
}
