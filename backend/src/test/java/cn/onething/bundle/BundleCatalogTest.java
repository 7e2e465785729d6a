package cn.onething.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
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
        assertThat(catalog.departments()).extracting(Department::code)
                .containsExactly("hospital", "health", "cdc", "police", "hrss", "medicare", "union");
        assertThat(catalog.departmentName("police")).isEqualTo("公安户政");
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
                .contains("item 'second': promisedDays 9 exceeds statutoryDays 5 (承诺时限不得超过法定时限)");
    }

    @Test
    void itemsThatWaitForOthersMustFitTheBundlesPromisedDays() {
        Bundle tooSlow = new Bundle("slow", "慢事", null, "tiny", "citizen", 3, null,
                List.of(new Bundle.FormField("name", "姓名", FieldType.TEXT, null, null, null, null)), List.of(),
                List.of(new Bundle.Item("first", "第一项", "hospital", 5, 2, null, List.of("name"), null, null),
                        new Bundle.Item("second", "第二项", "hospital", 5, 2, List.of("first"), null, null, null)), null, null);

        List<String> problems = new CatalogCheck(tooSlow, Set.of("hospital"),
                new PathMatchingResourcePatternResolver(), "catalogs/broken/").problems();

        assertThat(problems).contains("item 'second': with the items it waits for it takes 4 working days, more than"
                + " the bundle's promisedDays 3");
    }

    @Test
    void theModelMustHaveATaskPerItemForItsDepartmentAndNothingElse() {
        Bundle tiny = new Bundle("tinyOk", "小事", null, "tiny", "citizen", 3, null,
                List.of(new Bundle.FormField("name", "姓名", FieldType.TEXT, null, null, null, null)), List.of(),
                List.of(new Bundle.Item("first", "第一项", "hospital", 2, 1, null, List.of("name"), null, null),
                        new Bundle.Item("second", "第二项", "hospital", 2, 1, List.of("first"), null, null, null)), null, null);

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
}
