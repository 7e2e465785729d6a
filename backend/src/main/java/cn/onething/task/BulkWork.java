package cn.onething.task;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.stereotype.Component;

import cn.onething.security.CurrentUser;
import cn.onething.web.ConflictException;
import cn.onething.web.FieldError;
import cn.onething.web.ForbiddenException;
import cn.onething.web.InvalidRequestException;
import cn.onething.web.NotFoundException;
import cn.onething.web.UnavailableException;

/** Many tasks at once (批量认领, 分配, 通过): each on its own, so that one refused leaves the others done. */
@Component
class BulkWork {

    static final int MAX_TASKS = 100;

    record Request(String action, List<String> taskIds, String assignee, String comment) {
    }

    /** How one task fared: `status` as the single action would have answered, `detail` why it failed. */
    record Result(String taskId, boolean ok, int status, String detail) {
    }

    private final TaskActions actions;

    BulkWork(TaskActions actions) {
        this.actions = actions;
    }

    List<Result> run(CurrentUser officer, Request request) {
        List<String> ids = request.taskIds() == null ? List.of()
                : request.taskIds().stream().filter(id -> id != null && !id.isBlank()).distinct().toList();
        if (ids.isEmpty() || ids.size() > MAX_TASKS) {
            throw new InvalidRequestException(new FieldError("taskIds", "size",
                    "请选择 1 到 " + MAX_TASKS + " 个任务", "1 to " + MAX_TASKS + " tasks"));
        }
        Runnable check = switch (request.action() == null ? "" : request.action()) {
            case "claim", "approve" -> () -> { };
            case "assign" -> () -> {
                if (!officer.isLead()) {
                    throw new ForbiddenException("只有部门负责人可以分配任务");
                }
                if (request.assignee() == null || request.assignee().isBlank()) {
                    throw new InvalidRequestException(new FieldError("assignee", "required", "请选择分配给哪位同事",
                            "assignee is required"));
                }
            };
            default -> throw new InvalidRequestException(new FieldError("action", "oneOf",
                    "批量操作只能是认领（claim）、分配（assign）或通过（approve）", "action must be claim, assign or approve"));
        };
        check.run();
        List<Result> results = new ArrayList<>();
        for (String id : ids) {
            results.add(one(id, () -> {
                switch (request.action()) {
                    case "claim" -> actions.claim(officer, id);
                    case "assign" -> actions.assign(officer, id, request.assignee());
                    default -> actions.approveInBulk(officer, id, request.comment());
                }
            }));
        }
        return results;
    }

    private static Result one(String id, Runnable action) {
        try {
            action.run();
            return new Result(id, true, 200, null);
        } catch (InvalidRequestException e) {
            return new Result(id, false, 400, String.join("；", e.errors().stream().map(FieldError::message).toList()));
        } catch (ForbiddenException e) {
            return new Result(id, false, 403, e.getMessage());
        } catch (NotFoundException e) {
            return new Result(id, false, 404, e.getMessage());
        } catch (ConflictException e) {
            return new Result(id, false, 409, e.getMessage());
        } catch (OptimisticLockingException e) {
            return new Result(id, false, 409, "该办件正由他人同时处理，请刷新后重试");
        } catch (UnavailableException e) {
            return new Result(id, false, 503, e.getMessage());
        }
    }
}
