package cn.onething.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import static cn.onething.testsupport.CaseItems.codes;
import static cn.onething.testsupport.CaseItems.find;
import static cn.onething.testsupport.CaseItems.rules;
import static cn.onething.testsupport.CaseItems.statuses;
import static cn.onething.testsupport.CaseItems.texts;

import cn.onething.testsupport.Api;
import cn.onething.testsupport.BirthApplication;
import cn.onething.testsupport.PlatformTest;

@PlatformTest
class CaseApiTest {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void withoutATokenNothingIsAnswered() {
        assertThat(api.get(null, "/api/cases").status()).isEqualTo(401);
        assertThat(api.get(null, "/api/bundles").status()).isEqualTo(401);
    }

    @Test
    void theApiIsDescribedByOpenApi() {
        JsonNode doc = api.get(null, "/v3/api-docs").body();
        assertThat(doc.get("paths").has("/api/cases")).isTrue();
        assertThat(doc.get("paths").has("/api/tasks/{id}/complete")).isTrue();
    }

    @Test
    void theCatalogShowsTheBirthBundleWithOneFormForAllItems() {
        JsonNode bundle = api.get("citizen1", "/api/bundles/birth").body();
        assertThat(bundle.get("name").asText()).isEqualTo("出生一件事");
        assertThat(codes(bundle.get("items"))).containsExactly("birthCertificate", "vaccination",
                "householdRegistration", "socialSecurityCard", "medicalInsurance", "childrenFund", "maternityBenefit");
        List<String> fields = codes(bundle.get("fields"));
        assertThat(fields).doesNotHaveDuplicates().contains("babyName", "motherIdNumber", "bankAccount");
        JsonNode delivery = find(bundle.get("materials"), "deliveryRecord");
        assertThat(texts(delivery.get("requiredBy"))).containsExactly("birthCertificate", "maternityBenefit");
        assertThat(api.get("citizen1", "/api/bundles/nope").status()).isEqualTo(404);
    }

    @Test
    void anEmptyApplicationListsEveryMissingFieldAndMaterialAtOnceAndStoresNothing() {
        long before = countCases();
        Api.Response r = api.post("citizen1", "/api/cases", Map.of("bundleCode", "birth", "form", Map.of(),
                "materials", Map.of()));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.headers().getContentType().toString()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        r.body().get("errors").forEach(e -> {
            assertThat(e.get("rule").asText()).isEqualTo("required");
            assertThat(e.get("message").asText()).startsWith("请");
            fields.add(e.get("field").asText());
        });
        assertThat(fields).contains("babyName", "motherIdNumber", "householdAddress", "deliveryRecord", "babyPhoto")
                .doesNotContain("motherEmployer");
        assertThat(fields).hasSize(15 + 5);
        assertThat(countCases()).isEqualTo(before);
    }

    @Test
    void malformedJsonIsAnsweredAsAProblemAndStoresNothing() {
        long before = countCases();
        Api.Response r = api.post("citizen1", "/api/cases", "{\"bundleCode\": \"birth\", ");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.headers().getContentType().toString()).startsWith("application/problem+json");
        assertThat(rules(r.body())).containsExactly(Map.entry("body", "json"));
        assertThat(countCases()).isEqualTo(before);
    }

    @Test
    void badValuesAreNamedWithTheirRule() {
        Map<String, String> form = new java.util.HashMap<>(BirthApplication.form());
        form.put("motherIdNumber", "110105199205120028"); // wrong check digit
        form.put("fatherIdNumber", "110101199302300011"); // 30 February
        form.put("applicantPhone", "12345");
        form.put("babyGender", "未知");
        form.put("birthDate", "2099-01-01");
        form.put("favouriteColour", "红");
        Map<String, String> materials = BirthApplication.uploadMaterials(api, "citizen1");
        materials.put("babyPhoto", materials.get("deliveryRecord")); // a PDF where a photo is needed
        long before = countCases();

        Api.Response r = api.post("citizen1", "/api/cases", Map.of("bundleCode", "birth", "form", form,
                "materials", materials));

        assertThat(r.status()).isEqualTo(400);
        assertThat(rules(r.body())).containsOnly(
                Map.entry("motherIdNumber", "idNumber"), Map.entry("fatherIdNumber", "idNumber"),
                Map.entry("applicantPhone", "phone"), Map.entry("babyGender", "oneOf"),
                Map.entry("birthDate", "pastDate"), Map.entry("favouriteColour", "notAsked"),
                Map.entry("babyPhoto", "contentType"));
        assertThat(countCases()).isEqualTo(before);
    }

    @Test
    void theMaterialsAskedFollowTheAnswers() {
        JsonNode bundle = api.get("citizen1", "/api/bundles/birth").body();
        JsonNode birthOrder = find(bundle.get("materials"), "birthOrderRecord");
        assertThat(birthOrder.at("/when/field").asText()).isEqualTo("multipleBirth");
        assertThat(texts(birthOrder.at("/when/in"))).containsExactly("是");

        Map<String, String> form = BirthApplication.form();
        form.put("multipleBirth", "是");
        form.put("birthPlace", "外省市");
        Map<String, String> materials = BirthApplication.uploadMaterials(api, "citizen1");
        long before = countCases();
        Api.Response twins = api.post("citizen1", "/api/cases",
                Map.of("bundleCode", "birth", "form", form, "materials", materials));
        assertThat(rules(twins.body())).containsOnly(Map.entry("birthOrderRecord", "required"),
                Map.entry("outOfCityBirthCertificate", "required"));
        assertThat(countCases()).isEqualTo(before);

        materials.put("birthOrderRecord", BirthApplication.upload(api, "citizen1", "顺序.pdf",
                BirthApplication.pdf("birthOrderRecord"), MediaType.APPLICATION_PDF));
        materials.put("outOfCityBirthCertificate", BirthApplication.upload(api, "citizen1", "外省市.pdf",
                BirthApplication.pdf("outOfCityBirthCertificate"), MediaType.APPLICATION_PDF));
        Api.Response filed = api.post("citizen1", "/api/cases",
                Map.of("bundleCode", "birth", "form", form, "materials", materials));
        assertThat(filed.status()).as("%s", filed.body()).isEqualTo(201);
        assertThat(find(filed.body().get("materials"), "birthOrderRecord")).isNotNull();

        // a single birth in the city: the same two files are not asked for, and are refused
        form.put("multipleBirth", "否");
        form.put("birthPlace", "本市");
        Api.Response single = api.post("citizen1", "/api/cases",
                Map.of("bundleCode", "birth", "form", form, "materials", materials));
        assertThat(rules(single.body())).containsOnly(Map.entry("birthOrderRecord", "notAsked"),
                Map.entry("outOfCityBirthCertificate", "notAsked"));
    }

    @Test
    void oneFileChosenForTwoMaterialsIsNamedAndNothingIsFiled() {
        Map<String, String> materials = BirthApplication.uploadMaterials(api, "citizen1");
        // the same id twice, and the same scan uploaded twice
        materials.put("householdBook", materials.get("parentsIdCards"));
        byte[] delivery = BirthApplication.pdf("delivery record");
        materials.put("deliveryRecord", BirthApplication.upload(api, "citizen1", "分娩记录.pdf", delivery,
                MediaType.APPLICATION_PDF));
        materials.put("marriageCertificate", BirthApplication.upload(api, "citizen1", "结婚证.pdf", delivery,
                MediaType.APPLICATION_PDF));
        long before = countCases();
        Api.Response r = api.post("citizen1", "/api/cases", Map.of("bundleCode", "birth",
                "form", BirthApplication.form(), "materials", materials));
        assertThat(rules(r.body())).containsOnly(Map.entry("householdBook", "duplicate"),
                Map.entry("marriageCertificate", "duplicate"));
        assertThat(r.body().toString()).contains("户口簿与「父母身份证」是同一个文件");
        assertThat(countCases()).isEqualTo(before);
    }

    @Test
    void someoneElsesMaterialCannotBeUsed() {
        Map<String, String> materials = BirthApplication.uploadMaterials(api, "citizen1");
        materials.put("householdBook", BirthApplication.upload(api, "citizen2", "other.pdf",
                BirthApplication.pdf("other"), MediaType.APPLICATION_PDF));
        Api.Response r = api.post("citizen1", "/api/cases", Map.of("bundleCode", "birth",
                "form", BirthApplication.form(), "materials", materials));
        assertThat(rules(r.body())).containsOnly(Map.entry("householdBook", "notFound"));
    }

    @Test
    void anApplicationStartsTheItemsWithoutPrerequisitesAndOnlyItsApplicantSeesIt() {
        JsonNode created = BirthApplication.submit(api, "citizen1");
        String id = created.get("id").asText();
        assertThat(created.get("number").asText()).startsWith("BIRTH-");
        assertThat(created.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(statuses(created)).isEqualTo(Map.of(
                "birthCertificate", "IN_PROGRESS", "vaccination", "IN_PROGRESS", "maternityBenefit", "IN_PROGRESS",
                "householdRegistration", "WAITING", "socialSecurityCard", "WAITING", "medicalInsurance", "WAITING",
                "childrenFund", "WAITING"));
        assertThat(created.get("materials")).hasSize(5);
        created.get("materials").forEach(m -> assertThat(m.get("sha256").asText()).hasSize(64));
        assertThat(created.get("timeline").get(0).get("type").asText()).isEqualTo("SUBMITTED");

        assertThat(api.get("citizen1", "/api/cases/" + id).status()).isEqualTo(200);
        assertThat(api.get("citizen2", "/api/cases/" + id).status()).isEqualTo(404);
        assertThat(listedIds("citizen2")).doesNotContain(id);
        assertThat(listedIds("citizen1")).contains(id);
        assertThat(listedIds("manager1")).contains(id);
        assertThat(listedIds("officer-hospital")).contains(id);
        assertThat(api.get("citizen2", "/api/cases/" + id + "/diagram").status()).isEqualTo(404);

        JsonNode summary = find(api.get("manager1", "/api/cases?size=200").body().get("items"), id, "id");
        assertThat(summary.get("applicantName").asText()).isEqualTo("张*");
        assertThat(summary.get("itemsTotal").asInt()).isEqualTo(7);
    }

    @Test
    void theManagerSeesTheLiveDiagram() {
        String id = BirthApplication.submit(api, "citizen1").get("id").asText();
        JsonNode diagram = api.get("manager1", "/api/cases/" + id + "/diagram").body();
        assertThat(diagram.get("xml").asText()).contains("<bpmn:process id=\"birth\"");
        assertThat(texts(diagram.get("activeActivityIds")))
                .containsExactlyInAnyOrder("birthCertificate", "vaccination", "maternityBenefit");
    }

    @Test
    void theFormIsPrefilledFromTheProfileAndEarlierCases() {
        // an address of this run's own: other tests file for citizen2 too, with the usual form
        String address = "北京市东城区东华门街道 " + System.nanoTime() % 10000 + " 号";
        Map<String, String> form = BirthApplication.form();
        form.put("householdAddress", address);
        assertThat(api.post("citizen1", "/api/cases", Map.of("bundleCode", "birth", "form", form,
                "materials", BirthApplication.uploadMaterials(api, "citizen1"))).status()).isEqualTo(201);

        JsonNode prefill = api.get("citizen1", "/api/bundles/birth/prefill").body();
        assertThat(prefill.get("values").get("applicantName").asText()).isEqualTo("张三");
        assertThat(prefill.get("values").get("applicantIdNumber").asText()).isEqualTo("110101199003070011");
        assertThat(prefill.get("sources").get("applicantPhone").asText()).isEqualTo("profile");
        assertThat(prefill.get("values").get("householdAddress").asText()).isEqualTo(address);
        assertThat(prefill.get("sources").get("householdAddress").asText()).isEqualTo("earlierCase");

        JsonNode other = api.get("citizen2", "/api/bundles/birth/prefill").body();
        assertThat(other.get("values").get("applicantName").asText()).isEqualTo("李四");
        assertThat(other.get("values").path("householdAddress").asText()).as("never another applicant's answers")
                .isNotEqualTo(address);
    }

    @Test
    void anUnknownBundleHasNoPrefillAndNoDraft() {
        // who may (authorization-matrix.md: only the kind of applicant the bundle is for)
        assertThat(api.get("citizen1", "/api/bundles/no-such-bundle/prefill").status()).isEqualTo(404);
        assertThat(api.delete("citizen1", "/api/bundles/no-such-bundle/draft").status()).isEqualTo(404);
    }

    @Test
    void uploadsAreCheckedByTheirBytesAndReadableOnlyByThoseEntitled() {
        Api.Response text = api.upload("citizen1", "notes.pdf", "just text".getBytes(StandardCharsets.UTF_8),
                MediaType.APPLICATION_PDF);
        assertThat(text.status()).isEqualTo(400);
        assertThat(rules(text.body())).containsOnly(Map.entry("file", "contentType"));
        byte[] pdf = BirthApplication.pdf("cut short");
        Api.Response truncated = api.upload("citizen1", "cut.pdf", Arrays.copyOf(pdf, 150),
                MediaType.APPLICATION_PDF);
        assertThat(rules(truncated.body())).containsOnly(Map.entry("file", "unreadable"));
        assertThat(truncated.body().at("/errors/0/message").asText()).contains("无法打开");

        JsonNode created = BirthApplication.submit(api, "citizen1");
        String household = find(created.get("materials"), "householdBook").get("materialId").asText();
        assertThat(api.get("citizen1", "/api/materials/" + household).status()).isEqualTo(200);
        assertThat(api.get("citizen2", "/api/materials/" + household).status()).isEqualTo(404);
        assertThat(api.get("officer-hospital", "/api/materials/" + household).status()).isEqualTo(200);
    }

    private long countCases() {
        return jdbc.sql("select count(*) from case_file").query(Long.class).single();
    }

    private List<String> listedIds(String user) {
        return texts(api.get(user, "/api/cases?size=200").body().get("items").findValues("id"));
    }
}
