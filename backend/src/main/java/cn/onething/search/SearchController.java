package cn.onething.search;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.onething.security.CurrentUser;
import cn.onething.security.Role;
import cn.onething.web.ForbiddenException;

@RestController
@RequestMapping("/api/search")
class SearchController {

    private final SearchService search;
    private final SearchRebuild rebuild;
    private final SearchOutbox outbox;
    private final SearchRelay relay;

    SearchController(SearchService search, SearchRebuild rebuild, SearchOutbox outbox, SearchRelay relay) {
        this.search = search;
        this.rebuild = rebuild;
        this.outbox = outbox;
        this.relay = relay;
    }

    @GetMapping
    SearchService.Answer search(CurrentUser user, @RequestParam(required = false) String q,
            @RequestParam(required = false) String type, @RequestParam(required = false) String department,
            @RequestParam(required = false) String status, @RequestParam(required = false) String bundle,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return search.search(user, new SearchService.Criteria(q, type, department, status, bundle, from, to, page,
                size));
    }

    record Status(boolean healthy, long pending, long lastId, String indexedAt, String failingSince,
            String lastError, SearchRebuild.Progress rebuild) {
    }

    /** How far the index is behind the database, and the rebuild's progress (admins). */
    @GetMapping("/status")
    Status status(CurrentUser user) {
        adminOnly(user);
        SearchOutbox.Position p = outbox.position();
        return new Status(relay.healthy(), p.pending(), p.lastId(), text(p.indexedAt()), text(p.failingSince()),
                p.lastError(), rebuild.progress());
    }

    @PostMapping("/reindex")
    @ResponseStatus(HttpStatus.ACCEPTED)
    SearchRebuild.Progress reindex(CurrentUser user) {
        adminOnly(user);
        return rebuild.start();
    }

    private static void adminOnly(CurrentUser user) {
        if (!user.roles().contains(Role.ADMIN)) {
            throw new ForbiddenException("只有系统管理员可以查看或重建搜索索引");
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
