package org.staffroom.journal.web;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.staffroom.identity.CurrentAccount;
import org.staffroom.journal.Journal;
import org.staffroom.journal.JournalSharing;
import org.staffroom.journal.JournalWitnesses;
import org.staffroom.shared.DomainException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The journal as JSON: ciphertext in, ciphertext out. Served twice: under /api/v1/journal for API clients
 * (bearer tokens), and under /journal/data for the journal page's own script (the page's session and its
 * CSRF token), so the browser never holds a token.
 */
@RestController
@Tag(name = "Journal")
class JournalApiController {

    static final String API = "/api/v1/journal";
    static final String PAGE = "/journal/data";

    record EditRequest(Integer after, String iv, String data) {
    }

    record RestoreRequest(
            @Schema(requiredMode = REQUIRED) @ArraySchema(minItems = 1, maxItems = 100) List<Journal.ImportedVersion> versions) {
    }

    record WitnessAsk(@Schema(requiredMode = REQUIRED) UUID entryId,
            @Schema(requiredMode = REQUIRED, format = "byte", description = "12 bytes") String iv,
            @Schema(requiredMode = REQUIRED, format = "byte") String data) {
    }

    record Receiving(@Schema(requiredMode = REQUIRED) Boolean receivesShares) {
    }

    record ShareRequest(@Schema(requiredMode = REQUIRED) UUID repId,
            @Schema(requiredMode = REQUIRED) @ArraySchema(minItems = 1, maxItems = 200) List<Journal.SharedEntry> entries) {
    }

    private final Journal journal;
    private final JournalWitnesses witnesses;
    private final JournalSharing sharing;

    JournalApiController(Journal journal, JournalWitnesses witnesses, JournalSharing sharing) {
        this.journal = journal;
        this.witnesses = witnesses;
        this.sharing = sharing;
    }

    @Operation(summary = "This account's keyring: salts, parameters, wrapped keys and its public key (404 if no journal)")
    @GetMapping({API + "/keyring", PAGE + "/keyring"})
    Journal.Keyring keyring(@AuthenticationPrincipal CurrentAccount me) {
        return journal.keyring(me.id()).orElseThrow(DomainException.NotFound::new);
    }

    @Operation(summary = "Start a journal (409 if this account has one)")
    @PostMapping({API + "/keyring", PAGE + "/keyring"})
    @ResponseStatus(HttpStatus.CREATED)
    void create(@AuthenticationPrincipal CurrentAccount me, @RequestBody Journal.Keyring keyring) {
        journal.create(me.id(), keyring);
    }

    @Operation(summary = "A new passphrase: the journal key wrapped again; entries are not touched")
    @PutMapping({API + "/keyring/passphrase", PAGE + "/keyring/passphrase"})
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void passphrase(@AuthenticationPrincipal CurrentAccount me, @RequestBody Journal.Passphrase passphrase) {
        journal.changePassphrase(me.id(), passphrase);
    }

    @Operation(summary = "Every entry with every version, as ciphertext")
    @GetMapping({API + "/entries", PAGE + "/entries"})
    List<Journal.Entry> entries(@AuthenticationPrincipal CurrentAccount me) {
        return journal.entries(me.id());
    }

    @Operation(summary = "A new entry: {iv, data}, both base64, AES-GCM")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping({API + "/entries", PAGE + "/entries"})
    ResponseEntity<Journal.Entry> write(@AuthenticationPrincipal CurrentAccount me,
            @RequestBody Journal.Ciphertext entry) {
        Journal.Entry written = journal.write(me.id(), entry);
        return ResponseEntity.created(URI.create(API + "/entries/" + written.id())).body(written);
    }

    @Operation(summary = "A new version of an entry; after is the version it was edited from (409 if another came since)")
    @PutMapping({API + "/entries/{entryId}", PAGE + "/entries/{entryId}"})
    Journal.Version edit(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID entryId,
            @RequestBody EditRequest edit) {
        if (edit.after() == null) {
            throw new DomainException.InvalidInput("after", "journal.invalid.after");
        }
        return journal.edit(me.id(), entryId, edit.after(), new Journal.Ciphertext(edit.iv(), edit.data()));
    }

    @Operation(summary = "An entry from a backup, its versions dated as the backup dates them")
    @PostMapping({API + "/entries/restored", PAGE + "/entries/restored"})
    @ResponseStatus(HttpStatus.CREATED)
    Journal.Entry restore(@AuthenticationPrincipal CurrentAccount me, @RequestBody RestoreRequest restore) {
        return journal.restore(me.id(), restore.versions());
    }

    @Operation(summary = "Ask a colleague to confirm an entry: the summary encrypted with the key in the link's fragment; answers the link's token")
    @PostMapping({API + "/witnesses", PAGE + "/witnesses"})
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> askWitness(@AuthenticationPrincipal CurrentAccount me, @RequestBody WitnessAsk ask) {
        if (ask.entryId() == null) {
            throw new DomainException.InvalidInput("entryId", "journal.invalid.entry");
        }
        return Map.of("token",
                witnesses.askWitness(me.id(), ask.entryId(), new Journal.Ciphertext(ask.iv(), ask.data())));
    }

    @Operation(summary = "This journal's witness requests, with confirmations sealed to this journal")
    @GetMapping({API + "/witnesses", PAGE + "/witnesses"})
    List<Journal.Witness> witnesses(@AuthenticationPrincipal CurrentAccount me) {
        return witnesses.witnesses(me.id());
    }

    @Operation(summary = "Withdraw a witness request: its link stops working")
    @DeleteMapping({API + "/witnesses/{witnessId}", PAGE + "/witnesses/{witnessId}"})
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void withdraw(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID witnessId) {
        witnesses.withdrawWitness(me.id(), witnessId);
    }

    @Operation(summary = "The request behind a witness link, for the colleague who holds it")
    @GetMapping({API + "/witness-requests/{token}", PAGE + "/witness-requests/{token}"})
    Journal.WitnessRequest witnessRequest(@AuthenticationPrincipal CurrentAccount me, @PathVariable String token) {
        return witnesses.witnessRequest(me.id(), token);
    }

    @Operation(summary = "Confirm a witness request, sealed to its author's public key; once")
    @PostMapping({API + "/witness-requests/{token}", PAGE + "/witness-requests/{token}"})
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void confirm(@AuthenticationPrincipal CurrentAccount me, @PathVariable String token,
            @RequestBody Journal.Sealed confirmation) {
        witnesses.confirm(me.id(), token, confirmation);
    }

    @Operation(summary = "Whether the members of the groups you organise may share entries with you; while they "
            + "may, they see that you keep a journal")
    @GetMapping({API + "/receiving", PAGE + "/receiving"})
    Receiving receiving(@AuthenticationPrincipal CurrentAccount me) {
        return new Receiving(sharing.receivesShares(me.id()));
    }

    @Operation(summary = "Choose whether the members of the groups you organise may share entries with you")
    @PutMapping({API + "/receiving", PAGE + "/receiving"})
    Receiving receive(@AuthenticationPrincipal CurrentAccount me, @RequestBody Receiving receiving) {
        if (receiving == null || receiving.receivesShares() == null) {
            throw new DomainException.InvalidInput("receivesShares", "journal.receive.invalid");
        }
        sharing.receiveShares(me.id(), receiving.receivesShares());
        return new Receiving(sharing.receivesShares(me.id()));
    }

    @Operation(summary = "The reps you may share entries with: organisers of your groups who have chosen to receive "
            + "shares, with their public keys (409 while you keep no journal)")
    @GetMapping({API + "/reps", PAGE + "/reps"})
    List<Journal.Rep> reps(@AuthenticationPrincipal CurrentAccount me) {
        return sharing.reps(me.id());
    }

    @Operation(summary = "Share entries with a rep, each sealed to the rep's public key")
    @PostMapping({API + "/shares", PAGE + "/shares"})
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> share(@AuthenticationPrincipal CurrentAccount me, @RequestBody ShareRequest share) {
        return Map.of("id", sharing.share(me.id(), share.repId(), share.entries()));
    }

    @Operation(summary = "What I have shared, with whom")
    @GetMapping({API + "/shares", PAGE + "/shares"})
    List<Journal.Share> shares(@AuthenticationPrincipal CurrentAccount me) {
        return sharing.sharesBy(me.id());
    }

    @Operation(summary = "What has been shared with me, sealed to my journal")
    @GetMapping({API + "/shared-with-me", PAGE + "/shared-with-me"})
    List<Journal.Received> sharedWithMe(@AuthenticationPrincipal CurrentAccount me) {
        return sharing.sharedWith(me.id());
    }

    @Operation(summary = "Revoke a share: the rep's copies go")
    @DeleteMapping({API + "/shares/{shareId}", PAGE + "/shares/{shareId}"})
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID shareId) {
        sharing.revoke(me.id(), shareId);
    }
}
