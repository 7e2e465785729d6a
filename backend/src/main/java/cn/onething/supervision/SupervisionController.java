package cn.onething.supervision;

import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.onething.security.CurrentUser;
import cn.onething.supervision.DrawService.DrawRequest;
import cn.onething.supervision.DrawService.DrawView;
import cn.onething.supervision.SupervisionService.PushView;
import cn.onething.web.PageQuery;
import cn.onething.web.PageResult;

@RestController
@RequestMapping("/api")
class SupervisionController {

    private final SupervisionService supervision;
    private final DrawService draws;
    private final Credit credit;

    SupervisionController(SupervisionService supervision, DrawService draws, Credit credit) {
        this.supervision = supervision;
        this.draws = draws;
        this.credit = credit;
    }

    @GetMapping("/supervision/queue")
    PageResult<PushView> queue(CurrentUser user, @RequestParam(required = false) PushStatus status,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String order) {
        return supervision.queue(user, status,
                PageQuery.of(page, size, sort, order, SupervisionRepository.sortable(), "claimDue", true));
    }

    @PostMapping("/supervision/pushes/{id}/claim")
    PushView claim(CurrentUser user, @PathVariable String id) {
        return supervision.claim(user, id);
    }

    record Report(String result, String comment) {
    }

    @PostMapping("/supervision/pushes/{id}/result")
    PushView report(CurrentUser user, @PathVariable String id, @RequestBody Report body) {
        return supervision.report(user, id, body.result(), body.comment());
    }

    @PostMapping("/supervision/draws")
    @ResponseStatus(HttpStatus.CREATED)
    DrawView draw(CurrentUser user, @RequestBody DrawRequest body) {
        return draws.draw(user, body);
    }

    @GetMapping("/supervision/draws")
    PageResult<DrawView> draws(CurrentUser user, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return draws.list(user, PageQuery.of(page, size, null, null, Set.of("drawnAt"), "drawnAt", false));
    }

    @GetMapping("/supervision/draws/{id}")
    DrawView draw(CurrentUser user, @PathVariable String id) {
        return draws.detail(user, id);
    }

    @GetMapping("/supervision/draws/{id}/replay")
    DrawService.Replay replay(CurrentUser user, @PathVariable String id) {
        return draws.replay(user, id);
    }

    @GetMapping("/enterprises/me/credit")
    Credit.EnterpriseCredit myCredit(CurrentUser user) {
        return credit.mine(user);
    }

    @GetMapping("/enterprises/credit")
    PageResult<Credit.EnterpriseCredit> credit(CurrentUser user, @RequestParam(required = false) CreditGrade grade,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return credit.list(user, grade, PageQuery.of(page, size, null, null, Set.of("grade"), "grade", false));
    }
}
