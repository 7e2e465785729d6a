package cn.onething.rating;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.onething.rating.RatingDashboard.Dashboard;
import cn.onething.rating.RatingDashboard.Query;
import cn.onething.rating.RatingDashboard.RatingLine;
import cn.onething.rating.RatingDashboard.RectificationStats;
import cn.onething.security.CurrentUser;
import cn.onething.web.ForbiddenException;
import cn.onething.web.PageResult;

/**
 * 好差评统计 for managers: the dashboard (drill-down department → officer → ratings), the ratings behind
 * a figure, and rectification per department. Periods are days in Beijing time, both ends included.
 */
@RestController
@RequestMapping("/api/ratings")
class RatingDashboardController {

    private final RatingDashboard dashboard;

    RatingDashboardController(RatingDashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/dashboard")
    Dashboard dashboard(CurrentUser user, @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to,
            @RequestParam(required = false) String by, @RequestParam(required = false) String department,
            @RequestParam(required = false) String bundle, @RequestParam(required = false) String item,
            @RequestParam(required = false) String officer, @RequestParam(required = false) String channel) {
        requireManager(user);
        return dashboard.dashboard(new Query(from, to, by, department, bundle, item, officer, channel));
    }

    @GetMapping
    PageResult<RatingLine> ratings(CurrentUser user,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to,
            @RequestParam(required = false) String department, @RequestParam(required = false) String bundle,
            @RequestParam(required = false) String item, @RequestParam(required = false) String officer,
            @RequestParam(required = false) String channel, @RequestParam(required = false) Boolean bad,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        requireManager(user);
        return dashboard.ratings(new Query(from, to, null, department, bundle, item, officer, channel), bad, page,
                size);
    }

    @GetMapping("/rectification-stats")
    RectificationStats rectificationStats(CurrentUser user,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to) {
        requireManager(user);
        return dashboard.rectificationStats(from, to);
    }

    private static void requireManager(CurrentUser user) {
        if (!user.isManager()) {
            throw new ForbiddenException("好差评统计仅对业务管理员开放");
        }
    }
}
