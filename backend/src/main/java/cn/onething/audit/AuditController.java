package cn.onething.audit;

import java.time.OffsetDateTime;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.onething.security.CurrentUser;
import cn.onething.security.Role;
import cn.onething.web.ForbiddenException;
import cn.onething.web.PageQuery;
import cn.onething.web.PageResult;

/** 审计日志 for system administrators: who wrote what, when, from where, filtered by user and time. */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping
    PageResult<AuditLog.Entry> list(CurrentUser user, @RequestParam(name = "user", required = false) String who,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        if (!user.roles().contains(Role.ADMIN)) {
            throw new ForbiddenException("只有系统管理员可以查看审计日志");
        }
        PageQuery p = PageQuery.of(page, size, null, null, java.util.Set.of("at"), "at", false);
        String filter = who == null || who.isBlank() ? null : who.strip();
        return new PageResult<>(audit.page(filter, from, to, p.size(), p.offset()), audit.count(filter, from, to));
    }
}
