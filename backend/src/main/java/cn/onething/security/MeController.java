package cn.onething.security;

import java.util.List;
import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.onething.bundle.BundleCatalog;
import cn.onething.bundle.Department;
import cn.onething.web.FieldError;
import cn.onething.web.InvalidRequestException;

/** Who am I: what the UI needs to show the right menu, and how I like the site to look. */
@RestController
class MeController {

    private final BundleCatalog catalog;
    private final Preferences preferences;

    MeController(BundleCatalog catalog, Preferences preferences) {
        this.catalog = catalog;
        this.preferences = preferences;
    }

    @GetMapping("/api/me/preferences")
    Preferences.Preference preferences(CurrentUser user) {
        return preferences.of(user.id());
    }

    /** 长者版 on or off, remembered for the user on every device. */
    @PutMapping("/api/me/preferences")
    Preferences.Preference savePreferences(CurrentUser user, @RequestBody Preferences.Preference preference) {
        if (preference.elderMode() == null) {
            throw new InvalidRequestException(new FieldError("elderMode", "required", "请选择是否使用长者版",
                    "elderMode must be true or false"));
        }
        return preferences.save(user.id(), preference);
    }

    @GetMapping("/api/me")
    Me me(CurrentUser user) {
        List<Department> departments = user.departments().stream().sorted().map(catalog::department).toList();
        return new Me(user.id(), user.username(), user.name(), user.roles(), departments);
    }

    record Me(String id, String username, String name, Set<String> roles, List<Department> departments) {
    }
}
