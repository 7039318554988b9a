package org.staffroom.directory.web;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.staffroom.directory.Directory;
import org.staffroom.directory.JoinRequests;
import org.staffroom.directory.Listing;
import org.staffroom.directory.SearchQuery;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The public directory's API: search the listed groups and ask to join one. */
@RestController
@Tag(name = "Directory")
class DirectoryApiController {

    record SearchResult(List<Listing> groups, boolean hasMore) {
    }

    record JoinRequestBody(@Schema(requiredMode = REQUIRED) String name,
            @Schema(requiredMode = REQUIRED, example = "sam@example.org") String contact, String message) {
    }

    record Received(UUID id) {
    }

    private final Directory directory;
    private final JoinRequests joinRequests;
    private final JoinThrottle throttle;

    DirectoryApiController(Directory directory, JoinRequests joinRequests, JoinThrottle throttle) {
        this.directory = directory;
        this.joinRequests = joinRequests;
        this.throttle = throttle;
    }

    @Operation(summary = "Search listed groups (public)")
    @GetMapping("/api/v1/directory/groups")
    SearchResult search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String area,
            @RequestParam(defaultValue = "") String employer, @RequestParam(defaultValue = "") String profession,
            @RequestParam(defaultValue = "") String sector, @RequestParam(defaultValue = "0") int page) {
        Directory.Page result = directory.search(new SearchQuery(q, area, employer, profession, sector, page));
        return new SearchResult(result.listings(), result.hasMore());
    }

    @Operation(summary = "Ask to join a listed group (public, throttled)", description = "Kept only until an organiser approves or declines it.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/v1/directory/groups/{groupId}/join-requests")
    ResponseEntity<Received> join(@PathVariable UUID groupId, @RequestBody JoinRequestBody body,
            HttpServletRequest request) {
        directory.listing(groupId);
        throttle.check(request);
        return ResponseEntity.status(201).body(new Received(joinRequests.submit(groupId, body.name(), body.contact(),
                body.message())));
    }
}
