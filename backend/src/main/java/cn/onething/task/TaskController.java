package cn.onething.task;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.onething.bundle.BundleCatalog;
import cn.onething.casefile.Decision;
import cn.onething.security.Colleague;
import cn.onething.security.CurrentUser;
import cn.onething.security.OfficerDirectory;
import cn.onething.web.PageQuery;
import cn.onething.web.PageResult;

@RestController
@RequestMapping("/api/tasks")
class TaskController {

    private final InboxService inbox;
    private final TaskActions actions;
    private final TaskAccess access;
    private final BulkWork bulk;
    private final OfficerDirectory directory;
    private final BundleCatalog catalog;
    private final Countersigns countersigns;

    TaskController(InboxService inbox, TaskActions actions, TaskAccess access, BulkWork bulk,
            OfficerDirectory directory, BundleCatalog catalog, Countersigns countersigns) {
        this.countersigns = countersigns;
        this.catalog = catalog;
        this.inbox = inbox;
        this.actions = actions;
        this.access = access;
        this.bulk = bulk;
        this.directory = directory;
    }

    @GetMapping
    PageResult<TaskView> inbox(CurrentUser user, @RequestParam(required = false) InboxView view, InboxFilter filter,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String order) {
        return inbox.inbox(user, view == null ? InboxView.open : view, filter,
                PageQuery.of(page, size, sort, order, InboxService.SORTABLE, "urgency", true));
    }

    @GetMapping("/counts")
    InboxService.Counts counts(CurrentUser user, InboxFilter filter) {
        return inbox.counts(user, filter);
    }

    @GetMapping("/{id}")
    InboxService.TaskDetail detail(CurrentUser user, @PathVariable String id) {
        return inbox.detail(user, id);
    }

    /** The officers of the task's department, to hand it to. */
    @GetMapping("/{id}/colleagues")
    List<Colleague> colleagues(CurrentUser user, @PathVariable String id) {
        String department = access.item(user, id).department();
        return directory.members(department).stream().map(o -> new Colleague(o.username(), o.name(), department,
                catalog.departmentName(department))).toList();
    }

    @GetMapping("/{id}/return-targets")
    List<StepRewind.Step> returnTargets(CurrentUser user, @PathVariable String id) {
        return actions.returnTargets(user, id);
    }

    @PostMapping("/{id}/claim")
    TaskView claim(CurrentUser user, @PathVariable String id) {
        actions.claim(user, id);
        return inbox.row(id);
    }

    @PostMapping("/{id}/unclaim")
    TaskView unclaim(CurrentUser user, @PathVariable String id) {
        actions.unclaim(user, id);
        return inbox.row(id);
    }

    record Assign(String assignee) {
    }

    @PostMapping("/{id}/assign")
    TaskView assign(CurrentUser user, @PathVariable String id, @RequestBody Assign request) {
        actions.assign(user, id, request.assignee());
        return inbox.row(id);
    }

    @PostMapping("/{id}/transfer")
    TaskView transfer(CurrentUser user, @PathVariable String id, @RequestBody TaskActions.Transfer request) {
        actions.transfer(user, id, request);
        return inbox.row(id);
    }

    record Delegate(String assignee, String note) {
    }

    @PostMapping("/{id}/delegate")
    TaskView delegate(CurrentUser user, @PathVariable String id, @RequestBody Delegate request) {
        actions.delegate(user, id, request.assignee(), request.note());
        return inbox.row(id);
    }

    record Resolve(String comment) {
    }

    @PostMapping("/{id}/resolve")
    TaskView resolve(CurrentUser user, @PathVariable String id, @RequestBody Resolve request) {
        actions.resolve(user, id, request.comment());
        return inbox.row(id);
    }

    record SendBack(String activityId, String reason) {
    }

    @PostMapping("/{id}/return")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void sendBack(CurrentUser user, @PathVariable String id, @RequestBody SendBack request) {
        actions.sendBack(user, id, request.activityId(), request.reason());
    }

    record Withdraw(String reason) {
    }

    @PostMapping("/{id}/withdraw")
    TaskView withdraw(CurrentUser user, @PathVariable String id, @RequestBody(required = false) Withdraw request) {
        return inbox.row(actions.withdraw(user, id, request == null ? null : request.reason()));
    }

    record Copy(List<String> recipients, String note) {
    }

    @PostMapping("/{id}/cc")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void copy(CurrentUser user, @PathVariable String id, @RequestBody Copy request) {
        actions.copy(user, id, request.recipients(), request.note());
    }

    @PostMapping("/cc/{copyId}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void readCopy(CurrentUser user, @PathVariable long copyId) {
        actions.readCopy(user, copyId);
    }

    /** 加签 / 会签: officers of any department sign before, after, or alongside the task's officer. */
    @PostMapping("/{id}/countersign")
    TaskView countersign(CurrentUser user, @PathVariable String id, @RequestBody Countersigns.Request request) {
        countersigns.request(user, id, request);
        return inbox.row(id);
    }

    @GetMapping("/{id}/countersigns")
    List<Countersign> countersigns(CurrentUser user, @PathVariable String id) {
        return countersigns.readable(user, id);
    }

    /** 减签 */
    @DeleteMapping("/{id}/countersigns/{countersignId}/signers/{username}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeSigner(CurrentUser user, @PathVariable String id, @PathVariable long countersignId,
            @PathVariable String username) {
        countersigns.removeSigner(user, id, countersignId, username);
    }

    /** A signer signs their own task: agrees, or not with a reason. */
    @PostMapping("/{id}/sign")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void sign(CurrentUser user, @PathVariable String id, @RequestBody Countersigns.Signature request) {
        countersigns.sign(user, id, request);
    }

    @PostMapping("/{id}/complete")
    void complete(CurrentUser user, @PathVariable String id, @RequestBody CompleteTask request) {
        actions.complete(user, id, request.decision(), request.comment(), request.missing());
    }

    record CompleteTask(Decision decision, String comment, List<String> missing) {
    }

    record BulkResults(List<BulkWork.Result> results) {
    }

    @PostMapping("/bulk")
    BulkResults bulk(CurrentUser user, @RequestBody BulkWork.Request request) {
        return new BulkResults(bulk.run(user, request));
    }
}
