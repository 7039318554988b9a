package org.staffroom.surveys;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.staffroom.groups.GroupAccess;
import org.staffroom.identity.AnonymousTags;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.DomainException.InvalidInput;
import org.staffroom.shared.Sealing;
import org.staffroom.shared.SecretTokens;
import org.staffroom.shared.TextInput;

import tools.jackson.databind.json.JsonMapper;

/**
 * Answering a survey. A member answers once: their tag for the survey (not their account) goes into the
 * participants, and the answers into a response that carries no account, code or time. Both are written
 * in one transaction, so a refused or failed answer leaves nothing behind, and both wait in the pool until
 * the mixing job releases them ({@link SurveysPool}): the turnout members see never moves in the request.
 */
@Service
public class Responses {

    /**
     * One question's answer: {@code choices} the option numbers from 0 (one for choose one, any for choose
     * any, the scale point 0 to 4 for an agreement scale), {@code number} for a number, {@code text} for free
     * text. An empty answer is a skipped question.
     */
    public record Answer(@Nullable List<Integer> choices, @Nullable Integer number, @Nullable String text) {

        boolean empty() {
            return (choices == null || choices.isEmpty()) && number == null && (text == null || text.isBlank());
        }
    }

    private record Row(int item, @Nullable Integer number, @Nullable String text) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DRAFT_KEY = "staffroom survey answers saved part-way";

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate batches;
    private final GroupAccess access;
    private final Surveys surveys;
    private final SurveyLinks links;
    private final AnonymousTags tags;

    Responses(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batches, GroupAccess access, Surveys surveys,
            SurveyLinks links, AnonymousTags tags) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.access = access;
        this.surveys = surveys;
        this.links = links;
        this.tags = tags;
    }

    static String scope(UUID surveyId) {
        return "survey:" + surveyId;
    }

    /**
     * Saves the answers typed so far, as sent by the form (question id to values), to finish later on this
     * device. Returns the device's token: a new one unless {@code token} is given.
     */
    @Transactional
    public String saveDraft(UUID accountId, UUID groupId, UUID surveyId, String token,
            Map<String, List<String>> given) {
        Surveys.Row survey = surveys.visible(accountId, new Scope.Group(groupId), surveyId);
        if (surveys.status(survey) != Surveys.Status.OPEN) {
            throw new DomainException.Conflict("survey.notOpen");
        }
        List<String> questionIds = surveys.questions(surveyId).stream().map(q -> q.id().toString()).toList();
        if (!questionIds.containsAll(given.keySet()) || given.values().stream()
                .anyMatch(values -> values.size() > Surveys.MAX_OPTIONS
                        || values.stream().anyMatch(v -> v.length() > 2000))) {
            throw new InvalidInput("answers", "survey.answer.unknownQuestion");
        }
        String device = token == null || token.isBlank() ? SecretTokens.newToken(32) : token;
        String owner = owner(accountId, surveyId, device);
        String id = SecretTokens.hash(device);
        String answers = sealDraft(device, surveyId, JSON.writeValueAsString(given));
        if (jdbc.sql("update surveys_draft set answers = ? where id = ? and survey_id = ? and owner = ?")
                .params(answers, id, surveyId, owner).update() == 0) {
            jdbc.sql("delete from surveys_draft where id = ?").param(id).update();
            jdbc.sql("insert into surveys_draft (id, survey_id, owner, answers) values (?, ?, ?, ?)")
                    .params(id, surveyId, owner, answers).update();
        }
        return device;
    }

    /** The answers this member saved on this device, if any (and if their signing secret is unlocked). */
    public Map<String, List<String>> draft(UUID accountId, UUID surveyId, String token) {
        if (token == null || token.isBlank() || !tags.unlocked(accountId)) {
            return Map.of();
        }
        return jdbc.sql("select answers from surveys_draft where id = ? and survey_id = ? and owner = ?")
                .params(SecretTokens.hash(token), surveyId, owner(accountId, surveyId, token)).query(String.class)
                .optional().flatMap(sealed -> openDraft(token, surveyId, sealed)).map(Responses::readDraft)
                .orElse(Map.of());
    }

    /**
     * Answers saved part-way are sealed under a key from the device's token, which only its cookie holds: a copy
     * of the database cannot read them, nor pair what someone is about to answer with the member whose
     * request saved it.
     */
    private static String sealDraft(String device, UUID surveyId, String answers) {
        return java.util.Base64.getEncoder().encodeToString(Sealing.seal(Sealing.keyFromToken(device, DRAFT_KEY),
                answers.getBytes(java.nio.charset.StandardCharsets.UTF_8), surveyId.toString().getBytes(
                        java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static java.util.Optional<String> openDraft(String device, UUID surveyId, String sealed) {
        if (sealed.startsWith("{")) {
            // saved before drafts were sealed: given back once, sealed at the next save
            return java.util.Optional.of(sealed);
        }
        byte[] bytes;
        try {
            bytes = java.util.Base64.getDecoder().decode(sealed);
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
        return Sealing.open(Sealing.keyFromToken(device, DRAFT_KEY), bytes,
                surveyId.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .map(plain -> new String(plain, java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Map<String, List<String>> readDraft(String json) {
        Map<String, List<String>> answers = new java.util.HashMap<>();
        JSON.readTree(json).properties().forEach(e -> answers.put(e.getKey(),
                e.getValue().valueStream().map(tools.jackson.databind.JsonNode::asString).toList()));
        return answers;
    }

    /** The device's token under the member's tag for the survey: nobody else's tag gives the same owner. */
    private String owner(UUID accountId, UUID surveyId, String token) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(tags.tag(accountId, scope(surveyId))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of()
                    .formatHex(mac.doFinal(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    void forgetDraft(@Nullable String token) {
        if (token != null && !token.isBlank()) {
            jdbc.sql("delete from surveys_draft where id = ?").param(SecretTokens.hash(token)).update();
        }
    }

    /** Whether the member has answered; null while their signing secret is locked in this request. */
    public @Nullable Boolean answered(UUID accountId, UUID groupId, UUID surveyId) {
        access.requireMember(groupId, accountId);
        return tags.tagIfUnlocked(accountId, scope(surveyId)).map(tag -> jdbc.sql(
                "select count(*) from surveys_participant where survey_id = ? and participant = ?")
                .params(surveyId, tag).query(Long.class).single() > 0).orElse(null);
    }

    /** How many have answered, as far as the mixing job has released. */
    public long turnout(UUID surveyId) {
        return jdbc.sql("select count(*) from surveys_participant where survey_id = ? and released").param(surveyId)
                .query(Long.class).single();
    }

    /** A member answers an open survey, once; answers are keyed by question id. */
    @Transactional
    public void respond(UUID accountId, UUID groupId, UUID surveyId, Map<UUID, Answer> answers) {
        respond(accountId, groupId, surveyId, answers, null);
    }

    /** The same, and the answers saved part-way on this device ({@code draftToken}) go. */
    @Transactional
    public void respond(UUID accountId, UUID groupId, UUID surveyId, Map<UUID, Answer> answers,
            @Nullable String draftToken) {
        Surveys.Row survey = surveys.visible(accountId, new Scope.Group(groupId), surveyId);
        if (surveys.status(survey) != Surveys.Status.OPEN) {
            throw new DomainException.Conflict("survey.notOpen");
        }
        List<Question> questions = surveys.questions(surveyId);
        Map<UUID, List<Row>> rows = check(questions, answers == null ? Map.of() : answers);
        try {
            jdbc.sql(
                    "insert into surveys_participant (survey_id, participant, released, fresh) values (?, ?, false, true)")
                    .params(surveyId, tags.tag(accountId, scope(surveyId))).update();
        } catch (DuplicateKeyException e) {
            throw new DomainException.Conflict("survey.alreadyAnswered");
        }
        store(surveyId, groupId, rows);
        forgetDraft(draftToken);
    }

    /**
     * Someone outside Staffroom answers a network survey through its link. There is no account to answer
     * once per person; where codes are required, each code answers once: it is used up in the transaction that
     * stores the answers, so that neither happens without the other. The response waits in the pool, so the
     * mixing job writes it again (and clears the code's old row version) before anything pairs them.
     */
    @Transactional
    public void respondByLink(String token, String code, Map<UUID, Answer> answers) {
        Surveys.Row survey = links.byLink(token);
        if (surveys.status(survey) != Surveys.Status.OPEN) {
            throw new DomainException.Conflict("survey.notOpen");
        }
        Map<UUID, List<Row>> rows = check(surveys.questions(survey.id()), answers == null ? Map.of() : answers);
        if (survey.codesRequired() && jdbc.sql("delete from surveys_code where survey_id = ? and code_hash = ?")
                .params(survey.id(), SecretTokens.hash(code == null ? "" : code.strip())).update() == 0) {
            throw new InvalidInput("code", "survey.code.invalid");
        }
        store(survey.id(), Counts.NONE, rows);
    }

    private void store(UUID surveyId, UUID groupId, Map<UUID, List<Row>> rows) {
        UUID responseId = UUID.randomUUID();
        jdbc.sql(
                "insert into surveys_response (id, survey_id, group_id, released, fresh) values (?, ?, ?, false, true)")
                .params(responseId, surveyId, groupId).update();
        List<Object[]> answerRows = new ArrayList<>();
        rows.forEach((questionId, checked) -> checked.forEach(row -> answerRows.add(
                new Object[] {responseId, questionId, row.item(), row.number(), row.text()})));
        // one round trip for the answers, not one each
        batches.batchUpdate(
                "insert into surveys_answer (response_id, question_id, item, number, text) values (?, ?, ?, ?, ?)",
                answerRows);
    }

    /** Each answer checked against its question; the field of a refusal is the question's id. */
    static Map<UUID, List<Row>> check(List<Question> questions, Map<UUID, Answer> answers) {
        if (!questions.stream().map(Question::id).toList().containsAll(answers.keySet())) {
            throw new InvalidInput("answers", "survey.answer.unknownQuestion");
        }
        Map<UUID, List<Row>> rows = new java.util.LinkedHashMap<>();
        for (Question question : questions) {
            Answer answer = answers.get(question.id());
            String field = question.id().toString();
            if (answer == null || answer.empty()) {
                if (question.required()) {
                    throw new InvalidInput(field, "survey.answer.required");
                }
                continue;
            }
            List<Row> checked = new ArrayList<>();
            switch (question.kind()) {
                case SINGLE, SCALE -> {
                    List<Integer> choices = choices(question, answer, field);
                    if (choices.size() != 1) {
                        throw new InvalidInput(field, "survey.answer.chooseOne");
                    }
                    checked.add(new Row(choices.getFirst(), null, null));
                }
                case SEVERAL ->
                    choices(question, answer, field).forEach(choice -> checked.add(new Row(choice, null, null)));
                case NUMBER -> {
                    if (answer.number() == null || answer.number() < java.util.Objects.requireNonNull(question.min())
                            || answer.number() > java.util.Objects.requireNonNull(question.max())) {
                        throw new InvalidInput(field, "survey.answer.number", question.min(), question.max());
                    }
                    checked.add(new Row(0, answer.number(), null));
                }
                case TEXT -> checked.add(new Row(0, null, TextInput.multiline(field, answer.text(), 2000, false)));
            }
            rows.put(question.id(), checked);
        }
        return rows;
    }

    private static List<Integer> choices(Question question, Answer answer, String field) {
        List<Integer> choices = answer.choices() == null ? List.of() : answer.choices();
        if (choices.isEmpty() || choices.stream().anyMatch(c -> c == null || c < 0 || c >= question.options().size())
                || new HashSet<>(choices).size() != choices.size()) {
            throw new InvalidInput(field, "survey.answer.choices");
        }
        return choices;
    }
}
