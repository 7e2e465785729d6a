package cn.onething.security;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.onething.bundle.BundleCatalog;
import cn.onething.web.ForbiddenException;

/** Every department's officers, for work that crosses departments (加签 / 会签 to another department's officer). */
@RestController
class OfficerController {

    private final OfficerDirectory directory;
    private final BundleCatalog catalog;

    OfficerController(OfficerDirectory directory, BundleCatalog catalog) {
        this.directory = directory;
        this.catalog = catalog;
    }

    @GetMapping("/api/officers")
    List<Colleague> officers(CurrentUser user) {
        if (!user.isOfficer()) {
            throw new ForbiddenException("只有工作人员可以查看工作人员名录");
        }
        return catalog.departments().stream().flatMap(d -> directory.members(d.code()).stream()
                .map(o -> new Colleague(o.username(), o.name(), d.code(), d.name()))).toList();
    }
}
