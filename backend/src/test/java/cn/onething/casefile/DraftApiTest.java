package cn.onething.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import static cn.onething.testsupport.CaseItems.rules;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import cn.onething.testsupport.Api;
import cn.onething.testsupport.BirthApplication;
import cn.onething.testsupport.PlatformTest;

/** 草稿: what an applicant has filled in is kept as they go, for them only, until they file it. */
@PlatformTest
class DraftApiTest {

    private static final String DRAFT = "/api/bundles/birth/draft";

    @Autowired
    Api api;

    @Test
    void aDraftIsResumedElsewhereByItsApplicantOnlyAndGoesWhenFiled() {
        api.delete("citizen1", DRAFT);
        assertThat(api.get("citizen1", DRAFT).body().get("savedAt").isNull()).isTrue();

        String delivery = BirthApplication.upload(api, "citizen1", "分娩记录.pdf", BirthApplication.pdf("draft delivery"),
                MediaType.APPLICATION_PDF);
        Api.Response saved = api.put("citizen1", DRAFT,
                Map.of("form", Map.of("babyName", "张小宝", "multipleBirth", "是"), "materials", Map.of("deliveryRecord", delivery)));
        assertThat(saved.status()).as("%s", saved.body()).isEqualTo(200);

        // another device: the same account asks again
        JsonNode resumed = api.get("citizen1", DRAFT).body();
        assertThat(resumed.at("/form/babyName").asText()).isEqualTo("张小宝");
        assertThat(resumed.at("/materials/deliveryRecord/id").asText()).isEqualTo(delivery);
        assertThat(resumed.at("/materials/deliveryRecord/filename").asText()).isEqualTo("分娩记录.pdf");
        assertThat(resumed.get("savedAt").isNull()).isFalse();
        assertThat(api.get("citizen2", DRAFT).body().get("savedAt").isNull()).as("not another's").isTrue();
        assertThat(api.get("enterprise1", DRAFT).status()).as("a citizens' bundle").isEqualTo(403);

        BirthApplication.submit(api, "citizen1");
        assertThat(api.get("citizen1", DRAFT).body().get("savedAt").isNull()).as("filed: the draft is gone").isTrue();
    }

    @Test
    void aDraftKeepsOnlyTheBundlesOwnAnswersAndTheApplicantsOwnFiles() {
        api.delete("citizen2", DRAFT);
        String notMine = BirthApplication.upload(api, "citizen1", "别人的.pdf", BirthApplication.pdf("not citizen2's"),
                MediaType.APPLICATION_PDF);
        Api.Response bad = api.put("citizen2", DRAFT, Map.of("form", Map.of("babyName", "李小宝", "nickname", "宝宝"),
                "materials", Map.of("householdBook", notMine, "passport", notMine)));
        assertThat(rules(bad.body())).containsOnly(Map.entry("nickname", "notAsked"),
                Map.entry("householdBook", "notFound"), Map.entry("passport", "notAsked"));
        assertThat(api.get("citizen2", DRAFT).body().get("savedAt").isNull()).as("nothing kept").isTrue();

        assertThat(api.put("citizen2", DRAFT, Map.of("form", Map.of("babyName", "x".repeat(201)))).status())
                .isEqualTo(400);
        assertThat(api.get("citizen2", "/api/bundles/nope/draft").status()).isEqualTo(404);
    }
}
