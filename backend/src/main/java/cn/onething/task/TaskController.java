package cn.onething.task;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.onething.casefile.Decision;
import cn.onething.security.CurrentUser;
import cn.onething.timelimit.Light;
import cn.onething.web.PageQuery;
import cn.onething.web.PageResult;

@RestController
@RequestMapping("/api/tasks")
class TaskController {

    private final InboxService inbox;

    TaskController(InboxService inbox) {
        this.inbox = inbox;
    }

    @GetMapping
    PageResult<TaskView> inbox(CurrentUser user, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String order, @RequestParam(required = false) Light light) {
        return inbox.inbox(user, PageQuery.of(page, size, sort, order, InboxService.SORTABLE, "urgency", true), light);
    }

    @GetMapping("/{id}")
    InboxService.TaskDetail detail(CurrentUser user, @PathVariable String id) {
        return inbox.detail(user, id);
    }

    @PostMapping("/{id}/claim")
    TaskView claim(CurrentUser user, @PathVariable String id) {
        return inbox.claim(user, id);
    }

    @PostMapping("/{id}/complete")
    void complete(CurrentUser user, @PathVariable String id, @RequestBody CompleteTask request) {
        inbox.complete(user, id, request.decision(), request.comment(), request.missing());
    }

    record CompleteTask(Decision decision, String comment, List<String> missing) {
    }
}
