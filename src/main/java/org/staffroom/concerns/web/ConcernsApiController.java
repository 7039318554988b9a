package org.staffroom.concerns.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.staffroom.concerns.Category;
import org.staffroom.concerns.ConcernConversation;
import org.staffroom.concerns.ConcernDraft;
import org.staffroom.concerns.ConcernRaising;
import org.staffroom.concerns.ConcernStatus;
import org.staffroom.concerns.Concerns;
import org.staffroom.concerns.Receipts;
import org.staffroom.identity.CurrentAccount;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The concerns API: raising (named or anonymous), co-signing, the conversation and receipts, for apps. */
@RestController
@Tag(name = "Concerns")
class ConcernsApiController {

    /** A concern; {@code author} is null for an anonymous one, and {@code receipt} is set only in the answer to raising an anonymous one. */
    record ConcernJson(UUID id, UUID groupId, String title, String details, Category category, String affected,
            boolean anonymous, @Nullable String author, LocalDate raisedOn, @Nullable LocalDate editedOn,
            ConcernStatus status, int cosignCount, boolean shared, List<String> namedCosigners,
            @Nullable Boolean cosignedByMe, List<MessageJson> conversation, @Nullable String receipt, boolean waiting) {
    }

    record SummaryJson(UUID id, String title, Category category, @Nullable String author, LocalDate raisedOn,
            ConcernStatus status, int cosignCount, boolean shared) {
    }

    record ListJson(List<SummaryJson> concerns, @Nullable String next) {
    }

    record MessageJson(boolean fromAuthor, @Nullable String organiser, String text, LocalDate sentOn, boolean waiting) {
    }

    record CosignRequest(Boolean anonymous) {
    }

    record CosignJson(int cosignCount) {
    }

    record ReceiptRequest(String receipt) {
    }

    record ReceiptMessageRequest(String receipt, String text) {
    }

    record ReceiptEditRequest(String receipt, String title, String details, String category, String affected) {
    }

    record ReceiptJson(UUID concernId, String group, String title, String details, Category category,
            String affected, LocalDate raisedOn, LocalDate editedOn, ConcernStatus status, int cosignCount,
            List<MessageJson> conversation, boolean waiting, boolean changeWaiting) {
    }

    private final Concerns concerns;
    private final ConcernRaising raising;
    private final ConcernConversation conversation;
    private final Receipts receipts;
    private final ReceiptThrottle throttle;

    ConcernsApiController(Concerns concerns, ConcernRaising raising, ConcernConversation conversation,
            Receipts receipts, ReceiptThrottle throttle) {
        this.concerns = concerns;
        this.raising = raising;
        this.conversation = conversation;
        this.receipts = receipts;
        this.throttle = throttle;
    }

    @Operation(summary = "Raise a concern in a group (members)", description = "With anonymous true, no author is stored and the answer carries the receipt, once: "
            + "it is the only way back to the concern. An anonymous concern waits (waiting true) until the "
            + "next release, within the hour: only then does the group see it, and its address answer. "
            + "Acting anonymously needs the member's signing "
            + "secret unlocked: use a token from POST /api/v1/auth/token (403 otherwise).")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/v1/groups/{groupId}/concerns")
    ResponseEntity<ConcernJson> raise(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @RequestBody ConcernDraft draft) {
        Concerns.Raised raised = raising.raise(me.id(), groupId, draft);
        ConcernJson body = json(raised.view(), raised.receipt());
        return ResponseEntity.created(URI.create("/api/v1/groups/" + groupId + "/concerns/" + raised.concernId()))
                .body(body);
    }

    @Operation(summary = "A group's concerns, newest first, 20 a page (members)", description = "Pass the previous page's next as after for the following page.")
    @GetMapping("/api/v1/groups/{groupId}/concerns")
    ListJson list(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @RequestParam(required = false) String after) {
        Concerns.Page page = concerns.list(me.id(), groupId, after);
        return new ListJson(page.concerns().stream().map(s -> new SummaryJson(s.id(), s.title(), s.category(),
                s.authorName(), s.raisedOn(), s.status(), s.cosigns(), s.shared())).toList(), page.next());
    }

    @Operation(summary = "One concern (members); never the author of an anonymous one")
    @GetMapping("/api/v1/groups/{groupId}/concerns/{concernId}")
    ConcernJson get(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID concernId) {
        return json(concerns.get(me.id(), groupId, concernId), null);
    }

    @Operation(summary = "Co-sign: this affects me too (members, once each; 409 on a second attempt)", description = "The count answered is the one the group sees, which a co-signature never moves in its "
            + "own request: the mixing job releases them in batches, once three new ones are in or at the "
            + "end of the hour.")
    @PostMapping("/api/v1/groups/{groupId}/concerns/{concernId}/cosign")
    CosignJson cosign(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID concernId, @RequestBody(required = false) CosignRequest request) {
        boolean anonymous = request != null && Boolean.TRUE.equals(request.anonymous());
        return new CosignJson(concerns.cosign(me.id(), groupId, concernId, anonymous));
    }

    @Operation(summary = "Write in a concern's private conversation (organisers, or its named author)")
    @PostMapping("/api/v1/groups/{groupId}/concerns/{concernId}/messages")
    ResponseEntity<Void> write(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID concernId, @RequestBody ReceiptMessageRequest request) {
        conversation.write(me.id(), groupId, concernId, request.text());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Open a concern with its receipt (no sign-in): the concern and its conversation", description = "The receipt goes in the body, never in a URL. Throttled: 429 after 20 wrong receipts.")
    @PostMapping("/api/v1/receipts/concern")
    ReceiptJson open(@RequestBody ReceiptRequest request, HttpServletRequest http) {
        return json(throttle.guard(http, () -> receipts.open(request.receipt())));
    }

    @Operation(summary = "Answer the organisers, or add information, with the receipt (no sign-in)")
    @PostMapping("/api/v1/receipts/messages")
    ReceiptJson message(@RequestBody ReceiptMessageRequest request, HttpServletRequest http) {
        return json(throttle.guard(http, () -> receipts.write(request.receipt(), request.text())));
    }

    @Operation(summary = "Edit an open concern with its receipt (no sign-in)")
    @PostMapping("/api/v1/receipts/edit")
    ReceiptJson edit(@RequestBody ReceiptEditRequest request, HttpServletRequest http) {
        return json(throttle.guard(http, () -> receipts.edit(request.receipt(), new ConcernDraft(request.title(),
                request.details(), request.category(), request.affected(), true))));
    }

    @Operation(summary = "Withdraw a concern with its receipt (no sign-in)")
    @PostMapping("/api/v1/receipts/withdraw")
    ReceiptJson withdraw(@RequestBody ReceiptRequest request, HttpServletRequest http) {
        return json(throttle.guard(http, () -> receipts.withdraw(request.receipt())));
    }

    private static ConcernJson json(Concerns.View view, @Nullable String receipt) {
        return new ConcernJson(view.id(), view.groupId(), view.title(), view.details(), view.category(),
                view.affected(), view.anonymous(), view.authorName(), view.raisedOn(), view.editedOn(), view.status(),
                view.cosigns(), view.shared(), view.namedCosigners(), view.cosignedByMe(),
                messages(view.conversation()), receipt, view.waiting());
    }

    private static ReceiptJson json(Receipts.ReceiptView view) {
        return new ReceiptJson(view.concernId(), view.groupName(), view.title(), view.details(), view.category(),
                view.affected(), view.raisedOn(), view.editedOn(), view.status(), view.cosigns(),
                messages(view.conversation()), view.waiting(), view.changeWaiting());
    }

    private static List<MessageJson> messages(List<Concerns.Message> messages) {
        return messages.stream().map(m -> new MessageJson(m.fromAuthor(), m.organiserName(), m.text(), m.sentOn(),
                m.waiting()))
                .toList();
    }
}
