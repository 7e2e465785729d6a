package cn.onething.rating;

import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.onething.rating.RatingViews.RatingView;
import cn.onething.security.CurrentUser;
import cn.onething.web.PageQuery;
import cn.onething.web.PageResult;

@RestController
@RequestMapping("/api")
class RatingController {

    private final RatingService ratings;
    private final RectificationService rectifications;

    RatingController(RatingService ratings, RectificationService rectifications) {
        this.ratings = ratings;
        this.rectifications = rectifications;
    }

    @GetMapping("/cases/{caseId}/ratings")
    List<RatingView> ofCase(CurrentUser user, @PathVariable String caseId) {
        return ratings.ofCase(user, caseId);
    }

    /** 201 for a new rating, 200 when it replaced the rater's earlier one. */
    @PostMapping("/cases/{caseId}/ratings")
    ResponseEntity<RatingView> rate(CurrentUser user, @PathVariable String caseId,
            @RequestBody RatingService.Rate request) {
        RatingService.Rated rated = ratings.rate(user, caseId, request);
        return ResponseEntity.status(rated.created() ? HttpStatus.CREATED : HttpStatus.OK).body(rated.rating());
    }

    @GetMapping("/ratings/{id}")
    RatingView detail(CurrentUser user, @PathVariable String id) {
        return ratings.detail(user, id);
    }

    @GetMapping("/rectifications")
    PageResult<RatingView> rectifications(CurrentUser user, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(defaultValue = "false") boolean all) {
        return rectifications.inbox(user, all, PageQuery.of(page, size, null, null, Set.of("due"), "due", true));
    }

    record Verify(String verdict, String finding) {
    }

    @PostMapping("/ratings/{id}/verify")
    RatingView verify(CurrentUser user, @PathVariable String id, @RequestBody Verify body) {
        return rectifications.verify(user, id, body.verdict(), body.finding());
    }

    record Rectify(String plan, String result) {
    }

    @PostMapping("/ratings/{id}/rectify")
    RatingView rectify(CurrentUser user, @PathVariable String id, @RequestBody Rectify body) {
        return rectifications.rectify(user, id, body.plan(), body.result());
    }

    record Callback(Boolean solved, Integer level, String comment) {
    }

    @PostMapping("/ratings/{id}/callback")
    RatingView callback(CurrentUser user, @PathVariable String id, @RequestBody Callback body) {
        return rectifications.callback(user, id, body.solved(), body.level(), body.comment());
    }

    record Review(Boolean approve, Boolean uphold, String comment) {
    }

    @PostMapping("/ratings/{id}/exclusion-review")
    RatingView reviewExclusion(CurrentUser user, @PathVariable String id, @RequestBody Review body) {
        return rectifications.reviewExclusion(user, id, body.approve(), body.comment());
    }

    record Appeal(String reason) {
    }

    @PostMapping("/ratings/{id}/appeal")
    RatingView appeal(CurrentUser user, @PathVariable String id, @RequestBody Appeal body) {
        return rectifications.appeal(user, id, body.reason());
    }

    @PostMapping("/ratings/{id}/appeal-review")
    RatingView reviewAppeal(CurrentUser user, @PathVariable String id, @RequestBody Review body) {
        return rectifications.reviewAppeal(user, id, body.uphold(), body.comment());
    }
}
