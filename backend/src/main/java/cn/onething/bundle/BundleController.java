package cn.onething.bundle;

import java.util.Collection;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.onething.web.NotFoundException;

/** The bundle catalog (办事指南) for applicants and everyone else signed in. */
@RestController
@RequestMapping("/api")
class BundleController {

    private final BundleCatalog catalog;

    BundleController(BundleCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/bundles")
    List<BundleSummary> bundles() {
        return catalog.bundles().stream()
                .map(b -> new BundleSummary(b.code(), b.name(), b.description(), b.promisedDays(), b.items().size()))
                .toList();
    }

    @GetMapping("/bundles/{code}")
    BundleDetail bundle(@PathVariable String code) {
        Bundle b = catalog.bundle(code).orElseThrow(() -> new NotFoundException("没有这个一件事：" + code));
        List<MaterialView> materials = b.materials().stream()
                .map(m -> new MaterialView(m.code(), m.name(), m.accept(), m.maxSizeMb(), b.itemsNeeding(m.code())))
                .toList();
        List<ItemView> items = b.items().stream()
                .map(i -> new ItemView(i.code(), i.name(), i.department(), catalog.departmentName(i.department()),
                        i.promisedDays(), i.dependsOn(), i.fields(), i.materials()))
                .toList();
        return new BundleDetail(b.code(), b.name(), b.description(), b.promisedDays(), b.fields(), materials, items);
    }

    @GetMapping("/departments")
    Collection<Department> departments() {
        return catalog.departments();
    }

    record BundleSummary(String code, String name, String description, int promisedDays, int itemCount) {
    }

    record BundleDetail(String code, String name, String description, int promisedDays, List<Bundle.FormField> fields,
            List<MaterialView> materials, List<ItemView> items) {
    }

    record MaterialView(String code, String name, List<String> accept, int maxSizeMb, List<String> requiredBy) {
    }

    record ItemView(String code, String name, String department, String departmentName, int promisedDays,
            List<String> dependsOn, List<String> fields, List<String> materials) {
    }
}
