package cn.onething.bundle;

import java.util.Collection;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.onething.security.CurrentUser;
import cn.onething.web.NotFoundException;

/** The bundle catalog (办事指南) for applicants and everyone else signed in. */
@RestController
@RequestMapping("/api")
class BundleController {

    private final BundleCatalog catalog;
    private final ModelledBundles modelled;

    BundleController(BundleCatalog catalog, ModelledBundles modelled) {
        this.catalog = catalog;
        this.modelled = modelled;
    }

    /** An applicant sees the bundles they may file (个人 or 企业); staff see all. */
    @GetMapping("/bundles")
    List<BundleSummary> bundles(CurrentUser user) {
        boolean staff = user.isOfficer() || user.isManager() || !user.isCitizen() && !user.isEnterprise();
        return catalog.bundles().stream().filter(b -> staff || b.forEnterprises() == user.isEnterprise())
                .map(b -> new BundleSummary(b.code(), b.name(), b.description(), b.applicant(), b.promisedDays(),
                        b.items().size()))
                .toList();
    }

    /** As a new application gets it: departments, limits, fields and materials of the latest model version. */
    @GetMapping("/bundles/{code}")
    BundleDetail bundle(@PathVariable String code) {
        Bundle b = modelled.latest(code).map(ModelledBundles.Latest::bundle)
                .orElseThrow(() -> new NotFoundException("没有这个一件事：" + code));
        List<MaterialView> materials = b.materials().stream()
                .map(m -> new MaterialView(m.code(), m.name(), m.accept(), m.maxSizeMb(), b.itemsNeeding(m.code()),
                        m.licence(), m.when()))
                .toList();
        List<ItemView> items = b.items().stream()
                .map(i -> new ItemView(i.code(), i.name(), i.department(), catalog.departmentName(i.department()),
                        i.promisedDays(), i.dependsOn(), i.fields(), i.materials(), i.commitment()))
                .toList();
        List<InspectionView> inspections = b.inspections().stream().map(i -> new InspectionView(i.code(), i.name(),
                catalog.departmentName(i.leadDepartment()), i.departments().stream().map(catalog::departmentName)
                        .toList(), i.limitDays())).toList();
        List<LicenceView> licences = b.licences().stream().map(l -> new LicenceView(l.code(), l.name(),
                catalog.departmentName(l.department()), l.validYears(), l.replaces())).toList();
        return new BundleDetail(b.code(), b.name(), b.description(), b.applicant(), b.promisedDays(), b.fields(),
                materials, items, inspections, licences);
    }

    @GetMapping("/departments")
    Collection<Department> departments() {
        return catalog.departments();
    }

    record BundleSummary(String code, String name, String description, String applicant, int promisedDays,
            int itemCount) {
    }

    record BundleDetail(String code, String name, String description, String applicant, int promisedDays,
            List<Bundle.FormField> fields, List<MaterialView> materials, List<ItemView> items,
            List<InspectionView> inspections, List<LicenceView> licences) {
    }

    /**
     * `licence`: a licence that stands in for the material when the applicant already holds it; `when`: the
     * answer that calls for it, if only some do.
     */
    record MaterialView(String code, String name, List<String> accept, int maxSizeMb, List<String> requiredBy,
            String licence, Bundle.Condition when) {
    }

    record InspectionView(String code, String name, String leadDepartmentName, List<String> departmentNames,
            int limitDays) {
    }

    record LicenceView(String code, String name, String departmentName, int validYears, List<String> replaces) {
    }

    record ItemView(String code, String name, String department, String departmentName, int promisedDays,
            List<String> dependsOn, List<String> fields, List<String> materials, boolean commitment) {
    }
}
