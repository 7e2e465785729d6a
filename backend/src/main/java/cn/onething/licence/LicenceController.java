package cn.onething.licence;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.onething.licence.LicenceViews.LicenceView;
import cn.onething.licence.LicenceViews.Verification;
import cn.onething.security.CurrentUser;
import cn.onething.web.PageQuery;
import cn.onething.web.PageResult;

@RestController
@RequestMapping("/api/licences")
class LicenceController {

    private final LicenceService licences;

    LicenceController(LicenceService licences) {
        this.licences = licences;
    }

    @GetMapping
    PageResult<LicenceView> list(CurrentUser user, @RequestParam(required = false) LicenceStatus status,
            @RequestParam(required = false) String caseId, @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String order) {
        return licences.list(user, status, caseId,
                PageQuery.of(page, size, sort, order, LicenceRepository.sortable(), "issuedAt", false));
    }

    @GetMapping("/{number}")
    LicenceView detail(CurrentUser user, @PathVariable String number) {
        return licences.detail(user, number);
    }

    @GetMapping("/{number}/pdf")
    ResponseEntity<byte[]> pdf(CurrentUser user, @PathVariable String number) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(number + ".pdf").build().toString())
                .body(licences.pdf(user, number));
    }

    /** Public: what the QR code on a licence opens; needs no login (permitted in SecurityConfig). */
    @GetMapping("/{number}/verify")
    Verification verify(@PathVariable String number) {
        return licences.verify(number);
    }
}
