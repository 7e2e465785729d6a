package cn.onething.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

class BundleCatalogTest {

    @Test
    void theShippedCatalogLoadsAndMatchesItsModels() {
        BundleCatalog catalog = new BundleCatalog();
        Bundle birth = catalog.bundle("birth").orElseThrow();
        assertThat(birth.items()).hasSize(7);
        assertThat(birth.item("householdRegistration").orElseThrow().dependsOn()).containsExactly("birthCertificate");
        Bundle.MaterialSpec birthOrder = birth.material("birthOrderRecord").orElseThrow();
        assertThat(birthOrder.appliesTo(Map.of("multipleBirth", "是"))).isTrue();
        assertThat(birthOrder.appliesTo(Map.of("multipleBirth", "否"))).isFalse();
        assertThat(birthOrder.appliesTo(Map.of())).as("not answered: a single birth").isFalse();
        assertThat(catalog.departments()).extracting(Department::code)
                .containsExactly("hospital", "health", "health-chengguan", "health-xinzhuang", "cdc", "police", "hrss",
                        "medicare", "union", "ecology", "hsupervision");
        assertThat(catalog.departmentName("police")).isEqualTo("公安户政");
    }

    @Test
    void aDepartmentIncludesItsSubDepartments() {
        BundleCatalog catalog = new BundleCatalog();
        assertThat(catalog.department("health-chengguan")).isEqualTo(new Department("health-chengguan", "城关镇卫生院",
                "health", null, 0));
        assertThat(catalog.department("health").parent()).isNull();
        assertThat(catalog.departmentsUnder("health")).containsExactly("health", "health-chengguan",
                "health-xinzhuang");
        assertThat(catalog.departmentsUnder("health-xinzhuang")).containsExactly("health-xinzhuang");
        assertThat(catalog.departmentsUnder("police")).containsExactly("police");
    }

    @Test
    void theEnterpriseBundlesDescribeTheirInspectionsLicencesAndCommitments() {
        BundleCatalog catalog = new BundleCatalog();
        Bundle radiation = catalog.bundle("occupational-health").orElseThrow();
        assertThat(radiation.forEnterprises()).isTrue();
        assertThat(radiation.inspection("siteInspection").orElseThrow().departments()).containsExactly("health",
                "ecology");
        assertThat(radiation.licences()).extracting(Bundle.LicenceSpec::name)
                .containsExactly("放射诊疗许可证", "辐射安全许可证", "放射工作人员证");
        assertThat(radiation.material("medicalInstitutionLicence").orElseThrow().licence())
                .isEqualTo("medicalInstitutionLicence");

        Bundle institution = catalog.bundle("medical-institution").orElseThrow();
        assertThat(institution.promisedDays()).isEqualTo(12);
        assertThat(institution.licences()).singleElement().satisfies(l -> assertThat(l.replaces()).hasSize(3));

        Bundle venue = catalog.bundle("public-venue-hygiene").orElseThrow();
        assertThat(venue.item("hygienePermit").orElseThrow().commitment()).isTrue();
        assertThat(venue.inspection("postCheck").orElseThrow().departments()).containsExactly("hsupervision");
    }

    @Test
    void aBrokenCatalogStopsStartUpNamingTheFileAndEveryEntry() {
        assertThatThrownBy(() -> new BundleCatalog("catalogs/broken/"))
                .isInstanceOf(IllegalStateException.class)
                .message()
                .contains("catalogs/broken/bundles/broken.yaml: field 'unused' is used by no item")
                .contains("item 'first': unknown field 'nickname'")
                .contains("item 'second': department 'nowhere' is not a known department")
                .contains("item 'second': promisedDays must be between 1 and the bundle's 3")
                .contains("item 'second': depends on unknown item 'zeroth'")
                .contains("item 'second': promisedDays 9 exceeds statutoryDays 5 (承诺时限不得超过法定时限)")
                .contains("material 'byText' when: field 'name' must be a select field some item asks")
                .contains("catalogs/broken/departments.yaml: department 'ward': parent 'nowhere' is not a known"
                        + " department")
                .contains("department 'east': its parents lead back to 'east'");
    }

    @Test
    void itemsThatWaitForOthersMustFitTheBundlesPromisedDays() {
        Bundle tooSlow = new Bundle("slow", "慢事", null, "tiny", "citizen", 3, null,
                List.of(new Bundle.FormField("name", "姓名", FieldType.TEXT, null, null, null, null)), List.of(),
                List.of(new Bundle.Item("first", "第一项", "hospital", 5, 2, null, List.of("name"), null, null, null),
                        new Bundle.Item("second", "第二项", "hospital", 5, 2, List.of("first"), null, null, null, null)),
                null, null);

        List<String> problems = new CatalogCheck(tooSlow, Set.of("hospital"),
                new PathMatchingResourcePatternResolver(), "catalogs/broken/").problems();

        assertThat(problems).contains("item 'second': with the items it waits for it takes 4 working days, more than"
                + " the bundle's promisedDays 3");
    }

    @Test
    void theModelMustHaveATaskPerItemForItsDepartmentAndNothingElse() {
        Bundle tiny = new Bundle("tinyOk", "小事", null, "tiny", "citizen", 3, null,
                List.of(new Bundle.FormField("name", "姓名", FieldType.TEXT, null, null, null, null)), List.of(),
                List.of(new Bundle.Item("first", "第一项", "hospital", 2, 1, null, List.of("name"), null, null, null),
                        new Bundle.Item("second", "第二项", "hospital", 2, 1, List.of("first"), null, null, null, null)),
                null, null);

        List<String> problems = new CatalogCheck(tiny, Set.of("hospital", "police"),
                new PathMatchingResourcePatternResolver(), "catalogs/broken/").problems();

        assertThat(problems).containsExactlyInAnyOrder(
                "item 'first': user task candidate group is 'police', the catalog says 'hospital'",
                "item 'first': catalogs/broken/tiny.bpmn needs a receive task 'firstSupplement' waiting for message"
                        + " 'supplement-first' (补正)",
                "item 'first': user task needs camunda:dueDate=\"${deadlines.due(execution)}\" and"
                        + " camunda:followUpDate=\"${deadlines.warnAt(execution)}\" (期限由工作日历计算)",
                "item 'first': user task needs a timeout task listener ${deadlineWarning} with a timer (预警 / 超期督办)",
                "item 'first': user task needs a timeout task listener ${deadlineEscalation} with a timer"
                        + " (预警 / 超期督办)",
                "item 'second': catalogs/broken/tiny.bpmn has no user task with id 'second'",
                "catalogs/broken/tiny.bpmn: user task 'extra' is not an item of the catalog");
    }

    @Test
    void inspectionsLicencesAndCommitmentsMustBeComplete() {
        Bundle venue = new Bundle("venue", "场所", null, "tiny", "enterprise", 3, null,
                List.of(new Bundle.FormField("name", "名称", FieldType.TEXT, null, null, null, null),
                        new Bundle.FormField("promise", "承诺", FieldType.COMMITMENT, null, null, null, null)),
                List.of(), List.of(new Bundle.Item("first", "第一项", "hospital", 2, 1, null, List.of("name"), null, true,
                        null)),
                List.of(new Bundle.InspectionSpec("check", "核查", "police", List.of("hospital"), 0, 5, "promise")),
                List.of(new Bundle.LicenceSpec("permit", "许可证", "hospital", 4, "name", "missing", null, "nowhere", 3)));

        List<String> problems = new CatalogCheck(venue, Set.of("hospital", "police"),
                new PathMatchingResourcePatternResolver(), "catalogs/broken/").problems();

        assertThat(problems).contains("field 'promise': a commitment needs the text the applicant signs",
                "item 'first': a 告知承诺 item needs a field of type commitment (the signed commitment)",
                "inspection 'check': departments must list the lead department 'police'",
                "inspection 'check': limitDays and rectifyDays must be positive numbers of working days",
                "inspection 'check': placeField 'promise' must be a text field of the form",
                "licence 'permit': department and supervisor must be known departments, not 'nowhere'",
                "licence 'permit': holderField and scopeField must be fields of the form, not 'missing'");
    }

    @Test
    void theModelMustRunEachInspectionAndApproveEachCommitmentItem() {
        Bundle venue = new Bundle("venue", "场所", null, "tiny", "enterprise", 3, null,
                List.of(new Bundle.FormField("promise", "承诺", FieldType.COMMITMENT, null, null, null, "我承诺")),
                List.of(), List.of(new Bundle.Item("first", "第一项", "hospital", 2, 1, null, List.of("promise"), null,
                        true, null)),
                List.of(new Bundle.InspectionSpec("check", "核查", "hospital", List.of("hospital"), 5, 5, null)), null);

        List<String> problems = new CatalogCheck(venue, Set.of("hospital"),
                new PathMatchingResourcePatternResolver(), "catalogs/broken/").problems();

        assertThat(problems).contains("item 'first': catalogs/broken/tiny.bpmn needs a service task 'first' with"
                + " camunda:expression=\"${commitments.approve(execution)}\" (告知承诺)",
                "inspection 'check': catalogs/broken/tiny.bpmn needs a call activity 'check' calling 'jointInspection'");
    }
}
