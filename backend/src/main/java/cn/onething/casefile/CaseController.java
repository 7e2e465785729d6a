package cn.onething.casefile;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.onething.casefile.CaseViews.CaseDetail;
import cn.onething.casefile.CaseViews.CaseSummary;
import cn.onething.security.CurrentUser;
import cn.onething.web.PageQuery;
import cn.onething.web.PageResult;

@RestController
@RequestMapping("/api")
class CaseController {

    private final CaseFileService cases;
    private final Drafts drafts;

    CaseController(CaseFileService cases, Drafts drafts) {
        this.cases = cases;
        this.drafts = drafts;
    }

    @PostMapping("/cases")
    @ResponseStatus(HttpStatus.CREATED)
    CaseDetail submit(CurrentUser user, @RequestBody CaseFileService.SubmitCase request) {
        return cases.submit(user, request);
    }

    /** Mine as a citizen, my departments' as an officer, all as a manager. */
    @GetMapping("/cases")
    PageResult<CaseSummary> list(CurrentUser user, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String order) {
        return cases.list(user, PageQuery.of(page, size, sort, order, CaseRepository.SORTABLE, "submittedAt", false));
    }

    @GetMapping("/cases/{id}")
    CaseDetail detail(CurrentUser user, @PathVariable String id) {
        return cases.detail(user, id);
    }

    @PostMapping("/cases/{id}/supplements")
    CaseDetail supplement(CurrentUser user, @PathVariable String id,
            @RequestBody CaseFileService.AnswerSupplement answer) {
        return cases.answerSupplement(user, id, answer);
    }

    @GetMapping("/cases/{id}/diagram")
    CaseViews.Diagram diagram(CurrentUser user, @PathVariable String id) {
        return cases.diagram(user, id);
    }

    @GetMapping("/bundles/{code}/prefill")
    CaseFileService.Prefill prefill(CurrentUser user, @PathVariable String code) {
        return cases.prefill(user, code);
    }

    /** The application being filled in, from any device; `savedAt` null when there is none. */
    @GetMapping("/bundles/{code}/draft")
    Drafts.Draft draft(CurrentUser user, @PathVariable String code) {
        return drafts.of(user, code);
    }

    @PutMapping("/bundles/{code}/draft")
    Drafts.Draft saveDraft(CurrentUser user, @PathVariable String code, @RequestBody Drafts.DraftInput draft) {
        return drafts.save(user, code, draft);
    }

    @DeleteMapping("/bundles/{code}/draft")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void discardDraft(CurrentUser user, @PathVariable String code) {
        drafts.discard(user, code);
    }
}
