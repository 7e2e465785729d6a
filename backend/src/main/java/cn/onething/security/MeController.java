package cn.onething.security;

import java.util.List;
import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.onething.bundle.BundleCatalog;
import cn.onething.bundle.Department;

/** Who am I: what the UI needs to show the right menu. */
@RestController
class MeController {

    private final BundleCatalog catalog;

    MeController(BundleCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/api/me")
    Me me(CurrentUser user) {
        List<Department> departments = user.departments().stream().sorted().map(catalog::department).toList();
        return new Me(user.id(), user.username(), user.name(), user.roles(), departments);
    }

    record Me(String id, String username, String name, Set<String> roles, List<Department> departments) {
    }
}
