package cn.onething.timelimit;

import java.util.List;
import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.onething.casefile.CaseFileService;
import cn.onething.casefile.CaseFileService.LateItem;
import cn.onething.casefile.CaseFileService.LightCount;
import cn.onething.security.CurrentUser;
import cn.onething.web.ForbiddenException;
import cn.onething.web.PageQuery;
import cn.onething.web.PageResult;

/** 时限监控: open items by light across departments, for managers. */
@RestController
@RequestMapping("/api/deadlines")
class DeadlineController {

    private final CaseFileService cases;

    DeadlineController(CaseFileService cases) {
        this.cases = cases;
    }

    record Overview(List<LightCount> departments, LightCount total) {
    }

    @GetMapping("/overview")
    Overview overview(CurrentUser user) {
        requireManager(user);
        List<LightCount> departments = cases.lightCounts();
        LightCount total = departments.stream().reduce(new LightCount(null, "合计", 0, 0, 0, 0, 0),
                (a, b) -> new LightCount(null, "合计", a.open() + b.open(), a.green() + b.green(),
                        a.yellow() + b.yellow(), a.red() + b.red(), a.paused() + b.paused()));
        return new Overview(departments, total);
    }

    @GetMapping("/items")
    PageResult<LateItem> items(CurrentUser user, @RequestParam(defaultValue = "RED") Light light,
            @RequestParam(required = false) String department, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        requireManager(user);
        return cases.lateItems(light, department, PageQuery.of(page, size, null, null, Set.of("due"), "due", true));
    }

    private static void requireManager(CurrentUser user) {
        if (!user.isManager()) {
            throw new ForbiddenException("时限监控仅对业务管理员开放");
        }
    }
}
